package dev.meshgate.forge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A local HTTP server standing in for every forge's status API: it records each request (method, path, headers,
 * body) and answers 201, or what a test scripted for paths starting with a prefix (a 500, a rate limit...).
 */
public final class RecordingForgeApi implements AutoCloseable {

    /** One request as the forge would have received it; header names are lower-cased. */
    public record Request(String method, String path, Map<String, String> headers, String body) {}

    /** A scripted answer. */
    public record Answer(int status, Map<String, String> headers, String body) {}

    private record Scripted(String pathPrefix, Answer answer) {}

    private final HttpServer server;
    /** The public half of the GitHub App key the service under test signs its JWTs with, when one is set up. */
    volatile java.security.PublicKey appPublicKey;

    private final List<Request> requests = new ArrayList<>();
    private final Deque<Scripted> script = new ConcurrentLinkedDeque<>();

    public RecordingForgeApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String prefix) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    /** The next request under the prefix gets this answer instead of 201. */
    public void answerNext(String pathPrefix, int status, Map<String, String> headers, String body) {
        script.add(new Scripted(pathPrefix, new Answer(status, headers, body)));
    }

    public synchronized List<Request> requests(Predicate<Request> filter) {
        return requests.stream().filter(filter).toList();
    }

    public List<Request> requestsUnder(String pathPrefix) {
        return requests(request -> request.path().startsWith(pathPrefix));
    }

    /**
     * Waits until at least that many requests under the prefix arrived, woken by each request as it is recorded;
     * returns them all (fewer once the timeout is over).
     */
    public synchronized List<Request> await(String pathPrefix, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Request> seen = requestsUnder(pathPrefix);
        while (seen.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
            seen = requestsUnder(pathPrefix);
        }
        return seen;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        Answer answer = new Answer(201, Map.of(), "{}");
        // The answer is taken as the request is recorded: a test woken by the record may script the next answer for
        // the same path at once, and this request must not take it.
        synchronized (this) {
            for (Scripted scripted : script) {
                if (path.startsWith(scripted.pathPrefix()) && script.remove(scripted)) {
                    answer = scripted.answer();
                    break;
                }
            }
            requests.add(new Request(exchange.getRequestMethod(), path, headers, body));
            notifyAll();
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
