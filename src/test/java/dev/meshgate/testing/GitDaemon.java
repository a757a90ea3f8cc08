package dev.meshgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real git server on the loopback interface: {@code git daemon} exporting every repository under a folder, at
 * {@code git://127.0.0.1:PORT/NAME}, for tests that fetch from (or push to) a real server.
 */
public final class GitDaemon implements AutoCloseable {

    private final Process process;
    private final int port;

    private GitDaemon(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the daemon on a free port and waits until it accepts connections; it serves fetches only. */
    public static GitDaemon serve(Path baseDirectory) {
        return start(baseDirectory, List.of());
    }

    /** Starts a daemon that also accepts anonymous pushes, as a test server for what meshgate pushes. */
    public static GitDaemon serveWithPush(Path baseDirectory) {
        return start(baseDirectory, List.of("--enable=receive-pack"));
    }

    private static GitDaemon start(Path baseDirectory, List<String> options) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                "git",
                "daemon",
                "--reuseaddr",
                "--export-all",
                "--listen=127.0.0.1",
                "--port=" + port,
                "--base-path=" + baseDirectory.toAbsolutePath()));
        command.addAll(options);
        command.add(baseDirectory.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        GitCommandLine.quiet(builder.environment());
        try {
            GitDaemon daemon = new GitDaemon(builder.start(), port);
            daemon.awaitReady();
            return daemon;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start git daemon (is git installed?)", e);
        }
    }

    /** The URL of a repository under the base folder. */
    public String url(String name) {
        return "git://127.0.0.1:" + port + "/" + name;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("git daemon exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException("git daemon did not start listening on port " + port);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for git daemon", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
