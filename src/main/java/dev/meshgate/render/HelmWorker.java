package dev.meshgate.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The render worker's side ({@code meshgate render-worker}): a child process that renders charts with Helm as a
 * library, one request at a time, so that meshgate can kill it at a deadline, which no thread of its own allows.
 *
 * <p>The protocol, on standard input and output: the worker writes {@link WorkerProtocol#READY}; each request is one
 * line of JSON ({@code chart}, {@code release}, {@code namespace}, {@code values}, {@code maxOutput}); each answer is
 * a line {@code OK <bytes>} or {@code ERR <bytes>} followed by that many bytes of UTF-8 (the output, or Helm's
 * message). The worker ends when its input does.
 */
public final class HelmWorker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HelmWorker() {}

    /** Serves requests until the input ends; returns the exit code. */
    public static int serve(InputStream requests, OutputStream answers) throws IOException {
        // Only the protocol may reach the answers: anything a library prints goes to standard error instead.
        PrintStream protocol = new PrintStream(answers, false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        HelmLibrary.version();
        protocol.print(WorkerProtocol.READY + "\n");
        protocol.flush();
        BufferedReader lines = new BufferedReader(new InputStreamReader(requests, StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            answer(line, protocol);
        }
        return 0;
    }

    private static void answer(String line, PrintStream protocol) {
        byte[] body;
        boolean ok;
        try {
            JsonNode request = JSON.readTree(line);
            List<Path> values = new ArrayList<>();
            request.path("values").forEach(file -> values.add(Path.of(file.asText())));
            String output = HelmLibrary.render(
                    Path.of(request.path("chart").asText()),
                    request.path("release").asText(),
                    request.path("namespace").asText(),
                    values);
            body = output.getBytes(StandardCharsets.UTF_8);
            long max = request.path("maxOutput").asLong(Long.MAX_VALUE);
            ok = body.length <= max;
            if (!ok) {
                body = WorkerProtocol.tooLarge(max).getBytes(StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            ok = false;
            body = String.valueOf(e.getMessage()).strip().getBytes(StandardCharsets.UTF_8);
        }
        protocol.print((ok ? WorkerProtocol.OK : WorkerProtocol.ERR) + " " + body.length + "\n");
        protocol.write(body, 0, body.length);
        protocol.flush();
    }
}
