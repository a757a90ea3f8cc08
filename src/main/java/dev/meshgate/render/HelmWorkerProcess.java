package dev.meshgate.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One running render worker, seen from meshgate: requests go to its standard input, answers are read from its
 * standard output as a bounded stream, and at the deadline its whole process tree is killed. A worker that was
 * killed, died or broke the protocol is {@link #usable() unusable} and is never asked again.
 */
final class HelmWorkerProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_HEADER = 128;
    private static final int ERROR_TAIL = 16 * 1024;

    private final Process process;
    private final InputStream answers;
    private final OutputStream requests;
    private final StringBuffer errors = new StringBuffer();
    private volatile boolean usable = true;

    private HelmWorkerProcess(Process process) {
        this.process = process;
        this.answers = new BufferedInputStream(process.getInputStream(), 64 * 1024);
        this.requests = process.getOutputStream();
        Thread drain = new Thread(this::drainErrors, "meshgate-render-worker-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * Starts a worker and waits for it to be ready, within the start-up time limit.
     *
     * @param memoryBytes the worker's Java heap, and the soft limit of the Go runtime inside it
     */
    static HelmWorkerProcess start(List<String> command, long memoryBytes, Duration startTimeout)
            throws RenderException {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            Map<String, String> environment = builder.environment();
            environment.put("GOMEMLIMIT", Math.max(16, memoryBytes / (1024 * 1024)) + "MiB");
            process = builder.start();
        } catch (IOException e) {
            throw new RenderException("the render worker cannot be started: " + e.getMessage(), e);
        }
        HelmWorkerProcess worker = new HelmWorkerProcess(process);
        try (Watchdog watchdog = Watchdog.arm(process, startTimeout)) {
            String ready;
            try {
                ready = worker.readLine();
            } catch (IOException e) {
                ready = null;
            }
            if (!WorkerProtocol.READY.equals(ready)) {
                worker.close();
                throw RenderException.passing(
                        watchdog.fired()
                                ? "the render worker did not start within " + startTimeout
                                : "the render worker did not start: " + worker.errorTail());
            }
        }
        return worker;
    }

    /** The chart's {@code helm template} output; on a Helm error the worker stays usable, on anything else not. */
    String template(Path chart, String release, String namespace, List<Path> valueFiles, RenderLimits limits)
            throws RenderException {
        ObjectNode request = JSON.createObjectNode()
                .put("chart", chart.toString())
                .put("release", release)
                .put("namespace", namespace)
                .put("maxOutput", limits.maxOutputBytes());
        valueFiles.forEach(file -> request.withArray("values").add(file.toString()));
        try (Watchdog watchdog = Watchdog.arm(process, limits.timeout())) {
            try {
                requests.write((request + "\n").getBytes(StandardCharsets.UTF_8));
                requests.flush();
                String header = readLine();
                String[] words = header == null ? new String[0] : header.split(" ");
                if (words.length != 2 || !(words[0].equals(WorkerProtocol.OK) || words[0].equals(WorkerProtocol.ERR))) {
                    throw lost(watchdog, limits, header);
                }
                long length = Long.parseLong(words[1]);
                if (length > limits.maxOutputBytes() || length > Integer.MAX_VALUE) {
                    close();
                    throw new RenderException(WorkerProtocol.tooLarge(limits.maxOutputBytes()));
                }
                byte[] body = answers.readNBytes((int) length);
                if (body.length != length) {
                    throw lost(watchdog, limits, null);
                }
                String text = new String(body, StandardCharsets.UTF_8);
                if (words[0].equals(WorkerProtocol.ERR)) {
                    throw new RenderException(text);
                }
                return text;
            } catch (IOException | NumberFormatException e) {
                throw lost(watchdog, limits, null);
            }
        }
    }

    private RenderException lost(Watchdog watchdog, RenderLimits limits, String header) {
        close();
        if (watchdog.fired()) {
            return RenderException.passing("helm template took longer than " + limits.timeout() + " and was stopped");
        }
        String tail = errorTail();
        return RenderException.passing("the render worker stopped"
                + (header != null ? " (unexpected answer)" : "")
                + (tail.isEmpty() ? "" : ": " + tail));
    }

    boolean usable() {
        return usable && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Kills the worker's process tree and returns once it has exited. */
    @Override
    public void close() {
        usable = false;
        ProcessTree.kill(process.toHandle());
    }

    /** The end of what the worker wrote to standard error (a Java or Go crash), for the message. */
    private String errorTail() {
        String text = errors.toString().strip();
        int lastLines = text.lastIndexOf('\n', Math.max(0, text.length() - 2000));
        return lastLines > 0 ? text.substring(lastLines + 1) : text;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int next;
        while ((next = answers.read()) >= 0 && next != '\n') {
            if (line.length() >= MAX_HEADER) {
                return line.toString();
            }
            line.append((char) next);
        }
        return next < 0 && line.length() == 0 ? null : line.toString();
    }

    private void drainErrors() {
        byte[] buffer = new byte[4096];
        try (InputStream in = process.getErrorStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                errors.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                if (errors.length() > 2 * ERROR_TAIL) {
                    errors.delete(0, errors.length() - ERROR_TAIL);
                }
            }
        } catch (IOException e) {
            // the worker is gone; what it wrote is kept
        }
    }
}
