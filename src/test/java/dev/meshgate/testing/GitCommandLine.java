package dev.meshgate.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the git binary in a folder with no user or system configuration, so results do not depend on the machine.
 * Tests build and inspect repositories with it.
 */
public final class GitCommandLine {

    private final Path directory;

    public GitCommandLine(Path directory) {
        this.directory = directory;
    }

    /** Runs git with the arguments and returns its standard output, trimmed; fails on a non-zero exit. */
    public String run(String... arguments) {
        return run(null, arguments);
    }

    /** Runs git with the bytes as its standard input. */
    public String run(byte[] input, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        quiet(builder.environment());
        try {
            Process process = builder.start();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            Thread errors = drain(process.getErrorStream(), stderr);
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input);
                }
            } catch (IOException stoppedReading) {
                // git exited before reading all its input; its exit code and message say why.
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            errors.join();
            if (exit != 0) {
                throw new IllegalStateException("git " + String.join(" ", arguments) + " failed with exit " + exit
                        + ": " + stderr.toString(StandardCharsets.UTF_8).strip());
            }
            return out.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run git (is it installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running git", e);
        }
    }

    /** Isolates git from the user's configuration and gives commits a fixed identity. */
    public static void quiet(Map<String, String> environment) {
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("GIT_CONFIG_GLOBAL", "/dev/null");
        environment.put("GIT_TERMINAL_PROMPT", "0");
        environment.put("GIT_AUTHOR_NAME", "meshgate");
        environment.put("GIT_AUTHOR_EMAIL", "meshgate@example.com");
        environment.put("GIT_COMMITTER_NAME", "meshgate");
        environment.put("GIT_COMMITTER_EMAIL", "meshgate@example.com");
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream sink) {
        Thread thread = new Thread(() -> {
            try {
                in.transferTo(sink);
            } catch (IOException e) {
                // The process ended; what was read is kept.
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
