package dev.meshgate.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The git binary, run in one folder for the benchmarks: what meshgate is compared with, and how the generated
 * repositories are written. Git's own messages go to this process's standard error, where the user sees them.
 */
final class GitBinary {

    // No system or user configuration, so that the figures do not depend on whose machine runs the benchmark.
    private static final Map<String, String> ISOLATED = Map.of(
            "GIT_CONFIG_NOSYSTEM", "1",
            "GIT_CONFIG_GLOBAL", "/dev/null",
            "GIT_TERMINAL_PROMPT", "0",
            "GIT_AUTHOR_NAME", "meshgate bench",
            "GIT_AUTHOR_EMAIL", "bench@meshgate.invalid",
            "GIT_COMMITTER_NAME", "meshgate bench",
            "GIT_COMMITTER_EMAIL", "bench@meshgate.invalid");

    private final Path directory;

    GitBinary(Path directory) {
        this.directory = directory;
    }

    /** Runs git and returns what it printed, trimmed; fails when git does. */
    String run(String... arguments) {
        Process git = start(process(arguments));
        try {
            git.getOutputStream().close();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            awaitSuccess(git, arguments);
            return out.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the output of git " + arguments[0], e);
        }
    }

    /** Runs git reading the bytes (a {@code fast-import} stream) from its standard input. */
    void feed(byte[] input, String... arguments) {
        // Standard output is not piped back, so writing all the input first cannot wait on a full pipe.
        Process git = start(process(arguments).redirectOutput(ProcessBuilder.Redirect.DISCARD));
        try (OutputStream stdin = git.getOutputStream()) {
            stdin.write(input);
        } catch (IOException stoppedReading) {
            // git stopped early; its exit code says so below.
        }
        awaitSuccess(git, arguments);
    }

    /** A git process in this folder with the isolated environment, its errors shown to the user. */
    ProcessBuilder process(String... arguments) {
        List<String> command = new ArrayList<>(arguments.length + 1);
        command.add("git");
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(ISOLATED);
        return builder;
    }

    private static Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run git (is it installed?)", e);
        }
    }

    private static void awaitSuccess(Process git, String... arguments) {
        try {
            int exit = git.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("git " + String.join(" ", arguments) + " exited with " + exit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while git " + arguments[0] + " ran", e);
        }
    }
}
