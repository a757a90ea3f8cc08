package dev.meshgate.git;

import dev.meshgate.revision.RepositoryUrl;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;

/** Decides how a fetch authenticates: a token for the URL's host over HTTPS, the configured key over SSH. */
public final class GitAuthentication {

    private final Map<String, HostCredentials> tokensByHost;
    private final SshdSessionFactory ssh;

    /**
     * @param tokensByHost credentials per host name (lower case)
     * @param sshIdentity the key and known_hosts for SSH URLs, if any
     * @param workDirectory a private folder for the SSH transport's state
     */
    public GitAuthentication(
            Map<String, HostCredentials> tokensByHost, Optional<SshIdentity> sshIdentity, Path workDirectory) {
        this.tokensByHost = Map.copyOf(tokensByHost);
        this.ssh = sshIdentity
                .map(identity -> identity.sessionFactory(workDirectory))
                .orElse(null);
    }

    /** Anonymous access only: public repositories and local ones. */
    public static GitAuthentication anonymous() {
        return new GitAuthentication(Map.of(), Optional.empty(), Path.of("."));
    }

    void configure(TransportCommand<?, ?> command, RepositoryUrl url) throws GitException {
        if (url.isSsh()) {
            if (ssh == null) {
                throw new GitException(
                        GitException.Reason.AUTHENTICATION_REFUSED,
                        url.redacted() + " is an SSH URL, but no SSH private key and known_hosts file are configured",
                        null);
            }
            command.setTransportConfigCallback(transport -> {
                if (transport instanceof SshTransport sshTransport) {
                    sshTransport.setSshSessionFactory(ssh);
                }
            });
            return;
        }
        HostCredentials credentials = tokensByHost.get(url.host());
        if (credentials != null) {
            command.setCredentialsProvider(credentials.provider(url.host()));
        }
    }
}
