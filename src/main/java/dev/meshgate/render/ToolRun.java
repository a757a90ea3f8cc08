package dev.meshgate.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a rendering tool with a time limit and an output-size limit, turning every failure into its message. At the
 * deadline, or once the output passes its limit, the tool and every process it started are killed.
 */
final class ToolRun {

    private static final int MAX_ERROR_BYTES = 64 * 1024;

    private ToolRun() {}

    /** The tool's standard output; a {@link RenderException} with its own error text when it fails. */
    static String run(List<String> command, Path directory, Duration timeout, long maxOutputBytes)
            throws RenderException {
        return run(command, directory, Map.of(), timeout, maxOutputBytes);
    }

    /** @param environment variables set for the tool on top of meshgate's own */
    static String run(
            List<String> command,
            Path directory,
            Map<String, String> environment,
            Duration timeout,
            long maxOutputBytes)
            throws RenderException {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new RenderException(command.get(0) + " cannot be started: " + e.getMessage(), e);
        }
        // Standard error is read on a thread of its own, so that a tool filling it never blocks on a full pipe.
        CompletableFuture<byte[]> err = new CompletableFuture<>();
        Thread errors = new Thread(
                () -> err.complete(Bounded.head(process.getErrorStream(), MAX_ERROR_BYTES)), "meshgate-tool-stderr");
        errors.setDaemon(true);
        errors.start();
        try (Watchdog watchdog = Watchdog.arm(process, timeout)) {
            byte[] output = Bounded.read(process.getInputStream(), maxOutputBytes);
            if (output == null) {
                ProcessTree.kill(process.toHandle());
                throw new RenderException("the rendered output is larger than " + maxOutputBytes + " bytes");
            }
            int exit = process.waitFor();
            if (watchdog.fired()) {
                throw RenderException.passing(command.get(0) + " took longer than " + timeout + " and was stopped");
            }
            if (exit != 0) {
                byte[] error = err.join();
                String message = new String(error, StandardCharsets.UTF_8).strip();
                throw new RenderException(message.isEmpty() ? command.get(0) + " failed (exit " + exit + ")" : message);
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            ProcessTree.kill(process.toHandle());
            Thread.currentThread().interrupt();
            throw new RenderException("rendering was interrupted", e);
        }
    }

    /** Reading a stream with a size limit. */
    static final class Bounded {

        private Bounded() {}

        /**
         * Reads a stream to its end, or returns null as soon as it passes the limit (the caller kills the writer).
         */
        static byte[] read(InputStream in, long limit) {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            try (in) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    total += read;
                    if (total > limit) {
                        return null;
                    }
                    kept.write(buffer, 0, read);
                }
            } catch (IOException e) {
                // The process died; its exit code tells the story.
            }
            return kept.toByteArray();
        }

        /** The first bytes of a stream, read to its end so that the writer never blocks on it. */
        static byte[] head(InputStream in, int limit) {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try (in) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    kept.write(buffer, 0, Math.max(0, Math.min(read, limit - kept.size())));
                }
            } catch (IOException e) {
                // The process died; its exit code tells the story.
            }
            return kept.toByteArray();
        }
    }
}
