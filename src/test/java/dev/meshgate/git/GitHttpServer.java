package dev.meshgate.git;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.meshgate.testing.GitCommandLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves repositories over smart HTTP with basic authentication, as a forge does: the JDK's HTTP server passes each
 * request to the git package's own {@code git http-backend} CGI program.
 */
final class GitHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers;

    private GitHttpServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Serves the repositories under the folder to clients that send the user and whatever token the supplier holds. */
    static GitHttpServer serve(Path projectRoot, String user, Supplier<String> token) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> backend(projectRoot, exchange))
                .setAuthenticator(new BasicAuthenticator("git") {
                    @Override
                    public boolean checkCredentials(String givenUser, String givenPassword) {
                        return user.equals(givenUser) && token.get().equals(givenPassword);
                    }
                });
        ExecutorService workers = Executors.newFixedThreadPool(4);
        server.setExecutor(workers);
        server.start();
        return new GitHttpServer(server, workers);
    }

    String url(String repository) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + repository;
    }

    private static void backend(Path projectRoot, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            ProcessBuilder builder =
                    new ProcessBuilder("git", "http-backend").redirectError(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = builder.environment();
            GitCommandLine.quiet(env);
            env.put("GIT_PROJECT_ROOT", projectRoot.toString());
            env.put("GIT_HTTP_EXPORT_ALL", "1");
            env.put("REQUEST_METHOD", exchange.getRequestMethod());
            env.put("PATH_INFO", exchange.getRequestURI().getPath());
            env.put(
                    "QUERY_STRING",
                    exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : exchange.getRequestURI().getRawQuery());
            env.put("CONTENT_LENGTH", Integer.toString(body.length));
            env.put("REMOTE_USER", exchange.getPrincipal().getUsername());
            env.put("REMOTE_ADDR", "127.0.0.1");
            copyHeader(exchange, "Content-Type", env, "CONTENT_TYPE");
            copyHeader(exchange, "Content-Encoding", env, "HTTP_CONTENT_ENCODING");
            copyHeader(exchange, "Git-Protocol", env, "GIT_PROTOCOL");
            Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(body);
            }
            respond(exchange, process.getInputStream());
        }
    }

    private static void copyHeader(HttpExchange exchange, String header, Map<String, String> env, String variable) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
            env.put(variable, value);
        }
    }

    /** Turns the CGI output (headers, a blank line, the body) into the HTTP response. */
    private static void respond(HttpExchange exchange, InputStream cgi) throws IOException {
        byte[] output = cgi.readAllBytes();
        int status = 200;
        int bodyStart = 0;
        int lineStart = 0;
        for (int i = 0; i < output.length; i++) {
            if (output[i] != '\n') {
                continue;
            }
            String line = new String(output, lineStart, i - lineStart, StandardCharsets.ISO_8859_1).strip();
            lineStart = i + 1;
            if (line.isEmpty()) {
                bodyStart = lineStart;
                break;
            }
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.substring(0, 3));
            } else {
                exchange.getResponseHeaders().add(name, value);
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(output, bodyStart, output.length - bodyStart);
        exchange.sendResponseHeaders(status, body.size() == 0 ? -1 : body.size());
        exchange.getResponseBody().write(body.toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
