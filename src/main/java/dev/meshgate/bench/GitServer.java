package dev.meshgate.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code git daemon} serving the generated repositories under a folder, read-only, at
 * {@code git://127.0.0.1:PORT/NAME}, so that the benchmarks fetch through a real git server on this machine.
 */
record GitServer(Process daemon, int port) implements AutoCloseable {

    /** Starts the daemon and returns once it says it is listening. */
    static GitServer serve(Path base) throws IOException {
        String root = base.toAbsolutePath().toString();
        int port = unusedPort();
        ProcessBuilder command = new GitBinary(base)
                .process(
                        "daemon",
                        "--verbose",
                        "--reuseaddr",
                        "--export-all",
                        "--listen=127.0.0.1",
                        "--port=" + port,
                        "--base-path=" + root,
                        root)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        Process daemon = command.start();
        BufferedReader log = new BufferedReader(new InputStreamReader(daemon.getErrorStream(), StandardCharsets.UTF_8));
        // With --verbose the daemon logs this line once its socket listens: no polling of the port is needed.
        String line;
        do {
            line = log.readLine();
        } while (line != null && !line.endsWith("Ready to rumble"));
        if (line == null) {
            daemon.destroy();
            throw new IllegalStateException("git daemon stopped before serving on port " + port);
        }
        Thread discard = new Thread(() -> skip(log), "git-daemon-log");
        // The daemon logs every connection; unread, its log pipe would fill and stall it.
        discard.setDaemon(true);
        discard.start();
        return new GitServer(daemon, port);
    }

    /** The URL of a repository under the served folder. */
    String url(String name) {
        return "git://127.0.0.1:" + port + "/" + name;
    }

    @Override
    public void close() {
        // The daemon forks one child per connection; those go first so none outlives the benchmark.
        daemon.descendants().forEach(ProcessHandle::destroy);
        daemon.destroy();
        daemon.onExit().join();
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static void skip(BufferedReader log) {
        try {
            log.transferTo(Writer.nullWriter());
        } catch (IOException daemonGone) {
            // Nothing left to read.
        }
    }
}
