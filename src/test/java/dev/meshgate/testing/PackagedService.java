package dev.meshgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) started as a process of its own on a free loopback
 * port, for tests that kill it ({@code SIGKILL}) or stop it as an orchestrator would.
 */
public final class PackagedService implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;

    private PackagedService(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the service with these settings and waits until it answers (at most two minutes). */
    public static PackagedService start(Map<String, String> settings, Path log) {
        int port = freePort();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + port);
        command.addAll(List.of("-jar", JAR.toString()));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            PackagedService service = new PackagedService(process, port);
            service.awaitReady();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the packaged service", e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue());
            }
            try {
                if (get("/api/v1/runs?sha=0000000").statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            // Polls an observable condition (the port answering) until the deadline.
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the service did not answer within two minutes");
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    public HttpResponse<String> post(String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is given back or flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
