package dev.meshgate.bench;

import dev.meshgate.files.FileTrees;
import dev.meshgate.render.SelfLauncher;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What starting costs, each a process of its own, the variants taken in turn so that a busy machine slows them alike:
 * {@code validate} of a small folder (with the wrapper's Java options: from the launcher jar without and with a
 * class-data archive, and as the wrapper starts it, on the class path with a static archive) and
 * the service's way from its process start to the first ready answer of {@code /q/health/ready} (on a new data folder
 * and again on the same one, as a restart finds it; plain and, as the wrapper starts it, with a class-data archive
 * that an earlier service recorded when it was stopped; and restarted with the archive and the client compiler alone,
 * the start an operator gets with {@code MESHGATE_JAVA_OPTS=-XX:TieredStopAtLevel=1}), in wall time and in CPU time.
 */
final class StartMeasurement {

    private static final Pattern STARTED_IN = Pattern.compile("started in (\\d+\\.\\d+)s");
    private static final Duration READY_WITHIN = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(10);

    /** One start: wall and CPU seconds, and for the service the start time Quarkus itself reported (NaN if none). */
    record Start(double seconds, double cpuSeconds, double quarkusSeconds) {}

    private final PrintWriter out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    StartMeasurement(PrintWriter out) {
        this.out = out;
    }

    void run(Path folder, int runs) throws IOException {
        Path work = Files.createTempDirectory("meshgate-bench-start");
        try {
            Path archive = work.resolve("cli.jsa");
            Path cache = work.resolve("render-cache");
            validate(folder, cache, recording(archive));
            java.util.Optional<StaticArchive> wrapper = StaticArchive.record(
                    folder, arguments(folder, cache), Files.createDirectory(work.resolve("static")));
            Path serviceArchive = work.resolve("service.jsa");
            service(work.resolve("data-recording"), recording(serviceArchive));
            List<Start> plain = new ArrayList<>();
            List<Start> archived = new ArrayList<>();
            List<Start> classPath = new ArrayList<>();
            List<Start> fresh = new ArrayList<>();
            List<Start> restarted = new ArrayList<>();
            List<Start> freshArchived = new ArrayList<>();
            List<Start> restartedArchived = new ArrayList<>();
            List<Start> restartedClientCompiler = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                plain.add(validate(folder, cache, List.of()));
                archived.add(validate(folder, cache, mapping(archive)));
                if (wrapper.isPresent()) {
                    classPath.add(measured(folder, wrapper.get().command(arguments(folder, cache))));
                    wrapper.get().grow();
                }
                Path data = work.resolve("data-" + i);
                fresh.add(service(data, List.of()));
                restarted.add(service(data, List.of()));
                Path archivedData = work.resolve("data-archived-" + i);
                freshArchived.add(service(archivedData, mapping(serviceArchive)));
                restartedArchived.add(service(archivedData, mapping(serviceArchive)));
                // C2 compiling the start's code takes a third of the service's CPU on the way to readiness on two
                // cores; without it the engine's steady state is slower (bench: analysis 1.7x, reading 2.4x), so the
                // service keeps C2 by default and this measures the option.
                List<String> clientCompiler = new ArrayList<>(mapping(serviceArchive));
                clientCompiler.add(SelfLauncher.CLIENT_COMPILER_ALONE);
                restartedClientCompiler.add(service(archivedData, clientCompiler));
            }
            out.printf(
                    "%-44s %12s %12s %12s %14s%n",
                    "start (median of " + runs + ")", "wall", "CPU", "min wall", "Quarkus says");
            row("validate " + folder.getFileName() + " (java -jar)", plain);
            row("validate " + folder.getFileName() + " (class-data archive)", archived);
            if (wrapper.isPresent()) {
                row("validate " + folder.getFileName() + " (as ./meshgate runs it)", classPath);
            }
            row("service ready, new data folder", fresh);
            row("service ready, restarted on the same folder", restarted);
            row("service ready, new data folder (archive)", freshArchived);
            row("service ready, restarted (archive)", restartedArchived);
            row("  the same, client compiler alone", restartedClientCompiler);
            out.flush();
        } finally {
            FileTrees.deleteRecursively(work);
        }
    }

    /** The wrapper's options that record a class-data archive of the classes a process loaded, as it exits. */
    private static List<String> recording(Path archive) {
        return List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** The wrapper's options that start from a recorded archive. */
    private static List<String> mapping(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off");
    }

    /** validate from the launcher jar, with the wrapper's Java options after the archive's. */
    private Start validate(Path folder, Path cache, List<String> archive) throws IOException {
        List<String> options = new ArrayList<>(archive);
        options.addAll(SelfLauncher.COMMAND_LINE_VM_OPTIONS);
        return measured(folder, SelfLauncher.command(options, arguments(folder, cache)));
    }

    private static List<String> arguments(Path folder, Path cache) {
        return List.of(
                "validate", "-o", "json", "--fail-on", "never", "--cache-dir", cache.toString(), folder.toString());
    }

    private static Start measured(Path folder, List<String> command) throws IOException {
        MeasuredRun run = MeasuredRun.of(command, folder);
        if (run.exit() != 0) {
            throw new IllegalStateException("validate failed (exit " + run.exit() + "): " + run.errors());
        }
        return new Start(run.seconds(), run.cpuSeconds(), Double.NaN);
    }

    /**
     * Starts the service on a free port, waits for its first ready answer, reads its CPU time then, and stops it (with
     * SIGTERM, so that a recording service writes its archive as it exits).
     */
    private Start service(Path data, List<String> archive) throws IOException {
        int port = freePort();
        Path log = Files.createTempFile("meshgate-bench-service", ".log");
        List<String> options = new ArrayList<>(archive);
        options.addAll(List.of("-Dquarkus.http.port=" + port, "-Dmeshgate.data-dir=" + data));
        long start = System.nanoTime();
        Process service = new ProcessBuilder(SelfLauncher.command(options, List.of()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            awaitReady(service, port);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = service.info()
                    .totalCpuDuration()
                    .map(duration -> duration.toNanos() / 1e9)
                    .orElse(Double.NaN);
            return new Start(seconds, cpu, quarkusSeconds(log));
        } finally {
            service.destroy();
            waitFor(service);
            Files.deleteIfExists(log);
        }
    }

    private void awaitReady(Process service, int port) throws IOException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(30))
                .build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException(
                        "the service stopped before it was ready (exit " + service.exitValue() + ")");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // The port opens late in the start: keep asking.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            pause();
        }
        throw new IllegalStateException("the service was not ready within " + READY_WITHIN);
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void waitFor(Process process) throws IOException {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static double quarkusSeconds(Path log) throws IOException {
        Matcher started = STARTED_IN.matcher(Files.readString(log, StandardCharsets.UTF_8));
        return started.find() ? Double.parseDouble(started.group(1)) : Double.NaN;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void row(String what, List<Start> starts) {
        double[] wall = starts.stream().mapToDouble(Start::seconds).toArray();
        double[] cpu = starts.stream().mapToDouble(Start::cpuSeconds).toArray();
        // The service may answer ready a moment before Quarkus logs its start time: the median is of the starts
        // that had logged it when they were read.
        double[] quarkus = starts.stream()
                .mapToDouble(Start::quarkusSeconds)
                .filter(seconds -> !Double.isNaN(seconds))
                .toArray();
        out.printf(
                "%-44s %10.2f s %10.2f s %10.2f s %12s%n",
                what,
                BenchCommand.median(wall),
                BenchCommand.median(cpu),
                java.util.Arrays.stream(wall).min().orElse(Double.NaN),
                quarkus.length == 0 ? "" : String.format("%.2f s", BenchCommand.median(quarkus)));
    }
}
