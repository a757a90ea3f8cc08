package dev.meshgate.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on loopback that answers every request with a secret-looking text, as an internal metadata service
 * would: tests prove that nothing meshgate shows repeats it.
 */
public final class JunkHttpServer implements AutoCloseable {

    /** What the server answers; no answer of meshgate may contain it. */
    public static final String SECRET_LINE = "AccessKeyId=ASIAJUNKJUNKJUNK SecretAccessKey=do-not-reflect-me";

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private JunkHttpServer(HttpServer server) {
        this.server = server;
    }

    public static JunkHttpServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        JunkHttpServer junk = new JunkHttpServer(server);
        server.createContext("/", exchange -> {
            junk.requests.incrementAndGet();
            byte[] body = (SECRET_LINE + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return junk;
    }

    /** A URL on this server in the shape of a cloud metadata path; the fragment keeps JGit from appending to it. */
    public String url(String scheme) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort()
                + "/latest/meta-data/iam/security-credentials/role#";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** How many requests reached the server. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
