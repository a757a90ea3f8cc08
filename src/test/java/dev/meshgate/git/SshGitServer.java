package dev.meshgate.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UploadPack;

/**
 * An SSH git server in the test's own process (Apache MINA sshd with JGit's upload-pack), accepting one client key,
 * so that SSH fetches are tested over a real SSH connection without a system sshd.
 */
final class SshGitServer implements AutoCloseable {

    private final SshServer server;
    private final KeyPair hostKey;

    private SshGitServer(SshServer server, KeyPair hostKey) {
        this.server = server;
        this.hostKey = hostKey;
    }

    /** Serves the repositories under the folder (read-only) to the holder of the client key. */
    static SshGitServer serve(Path projectRoot, PublicKey clientKey) throws IOException, GeneralSecurityException {
        KeyPair hostKey = newKeyPair();
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator(new KeySetPublickeyAuthenticator("test", List.of(clientKey)));
        server.setCommandFactory(uploadPack(projectRoot));
        server.start();
        return new SshGitServer(server, hostKey);
    }

    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    /** Writes the key pair's private half as an OpenSSH key file, the format ssh-keygen writes. */
    static Path writePrivateKey(KeyPair keyPair, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keyPair, "meshgate-test", null, out);
        }
        return file;
    }

    /** The known_hosts line that trusts this server. */
    String knownHostsLine() {
        return "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n";
    }

    String url(String repository) {
        return "ssh://git@127.0.0.1:" + server.getPort() + "/" + repository;
    }

    private static CommandFactory uploadPack(Path projectRoot) {
        return (channel, command) -> {
            List<String> words = CommandFactory.split(command);
            if (words.size() != 2 || !words.get(0).equals("git-upload-pack")) {
                throw new IOException("only git-upload-pack is served, not " + command);
            }
            String name = words.get(1).replaceAll("^/+", "");
            return new UploadPackCommand(projectRoot.resolve(name).normalize());
        };
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** Runs upload-pack on a thread of its own, as sshd expects a command to return from start() at once. */
    private static final class UploadPackCommand implements Command {

        private final Path repository;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        UploadPackCommand(Path repository) {
            this.repository = repository;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback exit) {
            this.exit = exit;
        }

        @Override
        public void start(ChannelSession channel, Environment environment) {
            Thread worker = new Thread(this::serve, "upload-pack");
            worker.setDaemon(true);
            worker.start();
        }

        private void serve() {
            try (Repository served = new FileRepositoryBuilder()
                    .findGitDir(repository.toFile())
                    .setMustExist(true)
                    .build()) {
                new UploadPack(served).upload(in, out, err);
                out.flush();
                exit.onExit(0);
            } catch (IOException | RuntimeException e) {
                try {
                    err.write(String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
                    err.flush();
                } catch (IOException ignored) {
                    // The client is gone.
                }
                exit.onExit(1, String.valueOf(e.getMessage()));
            }
        }

        @Override
        public void destroy(ChannelSession channel) {}
    }
}
