package dev.meshgate.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a rendering tool with a time limit and an output-size limit, turning every failure into its message. */
final class ToolRun {

    private ToolRun() {}

    /** The tool's standard output; a {@link RenderException} with its own error text when it fails. */
    static String run(List<String> command, Path directory, Duration timeout, long maxOutputBytes)
            throws RenderException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).start();
        } catch (IOException e) {
            throw new RenderException(command.get(0) + " cannot be started: " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> out =
                CompletableFuture.supplyAsync(() -> capped(process.getInputStream(), maxOutputBytes));
        CompletableFuture<byte[]> err =
                CompletableFuture.supplyAsync(() -> capped(process.getErrorStream(), 64 * 1024));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new RenderException(command.get(0) + " took longer than " + timeout + " and was stopped");
            }
            byte[] output = out.join();
            if (output == null) {
                process.destroyForcibly();
                throw new RenderException("the rendered output is larger than " + maxOutputBytes + " bytes");
            }
            if (process.exitValue() != 0) {
                String message = new String(err.join(), StandardCharsets.UTF_8).strip();
                throw new RenderException(
                        message.isEmpty() ? command.get(0) + " failed (exit " + process.exitValue() + ")" : message);
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new RenderException("rendering was interrupted", e);
        }
    }

    /** Reads a stream to its end, or returns null once it exceeds the limit (the rest is drained and dropped). */
    private static byte[] capped(InputStream in, long limit) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        try (in) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                total += read;
                if (total <= limit) {
                    kept.write(buffer, 0, read);
                }
            }
        } catch (IOException e) {
            // The process died; its exit code tells the story.
        }
        return total > limit ? null : kept.toByteArray();
    }
}
