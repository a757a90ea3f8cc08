package dev.meshgate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One process run for a benchmark: its wall time, its exit code, what it wrote to standard error, and its peak
 * resident memory and CPU time where {@code /usr/bin/time} can tell them (0 otherwise). On a shared machine the CPU
 * time (user and system, the process and the children it waited for) is the steadier figure.
 *
 * @param seconds wall time
 * @param peakKib peak resident set size in KiB, 0 when unknown
 * @param cpuSeconds user and system time of the process and its children, 0 when unknown
 */
record MeasuredRun(double seconds, int exit, long peakKib, double cpuSeconds, String errors) {

    private static final Path TIME = Path.of("/usr/bin/time");

    /** Runs the command in the folder, its standard output discarded. */
    static MeasuredRun of(List<String> command, Path directory) throws IOException {
        Path report = Files.createTempFile("meshgate-bench-time", ".txt");
        Path errors = Files.createTempFile("meshgate-bench-stderr", ".txt");
        try {
            List<String> line = new ArrayList<>();
            boolean timed = Files.isExecutable(TIME);
            if (timed) {
                line.addAll(List.of(TIME.toString(), "-f", "%M %U %S", "-o", report.toString()));
            }
            line.addAll(command);
            long start = System.nanoTime();
            Process process = new ProcessBuilder(line)
                    .directory(directory.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile())
                    .start();
            int exit = process.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            String[] usage = timed ? usage(report) : null;
            return new MeasuredRun(
                    seconds,
                    exit,
                    usage == null ? 0 : Long.parseLong(usage[0]),
                    usage == null ? 0 : Double.parseDouble(usage[1]) + Double.parseDouble(usage[2]),
                    Files.readString(errors, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(report);
            Files.deleteIfExists(errors);
        }
    }

    /** The peak memory, user and system time {@code /usr/bin/time} wrote last (after any message of its own). */
    private static String[] usage(Path report) throws IOException {
        List<String> lines = Files.readAllLines(report);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String text = lines.get(i).strip();
            if (text.matches("\\d+ \\d+(\\.\\d+)? \\d+(\\.\\d+)?")) {
                return text.split(" ");
            }
        }
        return null;
    }
}
