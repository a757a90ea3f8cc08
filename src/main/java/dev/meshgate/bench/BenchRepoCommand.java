package dev.meshgate.bench;

import dev.meshgate.files.FileTrees;
import dev.meshgate.render.KustomizeRenderer;
import dev.meshgate.render.RenderLimits;
import dev.meshgate.render.SelfLauncher;
import dev.meshgate.render.Source;
import dev.meshgate.render.SourceDiscovery;
import dev.meshgate.render.SourceType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code meshgate bench-repo PATH}: validates a real repository as the command line does, in a process of its own per
 * phase: cold (empty render cache), warm (nothing changed) and after changing one file of one application, each next
 * to the floor measured in the same run ({@code kubectl kustomize} of the kustomizations validate builds, on all
 * cores; with {@code --plain}, PyYAML's C loader), with peak memory, in wall time and in CPU time (the steadier of the
 * two on a shared machine); then the same builds as validate makes them (a wrapper kustomization for applications with
 * options of their own). The command line runs with the Java options the {@code meshgate} wrapper gives it. With
 * {@code --start} it measures starting instead: {@code validate PATH} and the service's way to readiness.
 */
@Command(
        name = "bench-repo",
        mixinStandardHelpOptions = true,
        description = "Benchmarks validating a real repository: cold, warm and after one change, against the floor.")
public final class BenchRepoCommand implements Callable<Integer> {

    private static final String TOUCH_LINE = "\n# changed by meshgate bench-repo\n";

    @Parameters(paramLabel = "PATH", description = "The repository's folder (it is changed and restored).")
    Path path;

    @Option(
            names = "--touch",
            paramLabel = "FILE",
            description = "The file to change, relative to PATH (default: the first kustomization's file).")
    String touch;

    @Option(names = "--plain", description = "Read the files as plain YAML, against PyYAML's C loader.")
    boolean plain;

    @Option(
            names = "--start",
            description = "Measure starting instead: validate PATH (a small folder) and the service until it is ready.")
    boolean start;

    @Option(
            names = "--runs",
            defaultValue = "5",
            description =
                    "With --start: starts of each kind, taken in turn; the median is printed (default: ${DEFAULT-VALUE}).")
    int runs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path root = path.toAbsolutePath().normalize();
        if (start) {
            new StartMeasurement(out).run(root, runs);
            return 0;
        }
        List<Source> sources = new SourceDiscovery().discover(root, Optional.empty());
        List<Source> kustomizations = sources.stream()
                .filter(source -> source.type() == SourceType.KUSTOMIZE)
                .toList();
        // The floor builds what validate builds: a kustomization validate refuses (a remote base) or cannot read
        // costs it nothing, while kustomize's attempt at the network took anything from 2 to 12 s on kubeflow.
        KustomizeRenderer renderer = new KustomizeRenderer(RenderLimits.defaults());
        List<Source> builtSources = kustomizations.stream()
                .filter(source -> renderer.runsKustomize(root, root.resolve(source.path())))
                .toList();
        List<Path> built =
                builtSources.stream().map(source -> root.resolve(source.path())).toList();
        out.printf(
                "meshgate bench-repo %s: %d applications (%d kustomize, %d of them built by kustomize), %d cores%n",
                root,
                sources.size(),
                kustomizations.size(),
                built.size(),
                Runtime.getRuntime().availableProcessors());
        out.flush();
        Path cache = Files.createTempDirectory("meshgate-bench-cache");
        Path archives = Files.createTempDirectory("meshgate-bench-archive");
        try {
            // Measured as ./meshgate runs validate: from the static archive its first run after a build records, dumped
            // again after a run that loaded many classes it lacks.
            Optional<StaticArchive> wrapper =
                    StaticArchive.record(root, arguments(root, cache, List.of("--plain")), archives);
            if (plain) {
                RepositoryFloor floor = RepositoryFloor.pyyaml(root);
                header(out);
                row(out, "plain", validate(root, cache, List.of("--plain"), wrapper), floor);
                return 0;
            }
            RepositoryFloor floor =
                    RepositoryFloor.kustomize(RenderLimits.defaults().kustomizeCommand(), root, built);
            Path changed = root.resolve(touch != null ? touch : defaultTouch(root, built));
            header(out);
            MeasuredRun cold = row(out, "cold (empty cache)", validate(root, cache, List.of(), wrapper), floor);
            row(out, "warm (nothing changed)", validate(root, cache, List.of(), wrapper), floor);
            byte[] original = Files.readAllBytes(changed);
            MeasuredRun afterChange;
            try {
                Files.writeString(changed, TOUCH_LINE, java.nio.file.StandardOpenOption.APPEND);
                afterChange = row(out, "one file changed", validate(root, cache, List.of(), wrapper), floor);
            } finally {
                Files.write(changed, original);
            }
            out.printf(
                    "changed %s; one file changed / cold = %.2f (CPU %.2f)%n",
                    root.relativize(changed),
                    afterChange.seconds() / cold.seconds(),
                    afterChange.cpuSeconds() / cold.cpuSeconds());
            out.printf("floor: %s%n", floor.what());
            // Kustomize as validate runs it (a wrapper for applications with options) may cost more than the floor;
            // what cold takes beyond this figure is meshgate's own.
            RepositoryFloor wrapped =
                    RepositoryFloor.kustomizeAsValidate(RenderLimits.defaults().kustomizeCommand(), root, builtSources);
            out.printf(
                    "%s: %.2f s, CPU %.2f s (%.2f and %.2f the floor); cold / this = %.2f (CPU %.2f)%n",
                    wrapped.what(),
                    wrapped.seconds(),
                    wrapped.cpuSeconds(),
                    wrapped.seconds() / floor.seconds(),
                    wrapped.cpuSeconds() / floor.cpuSeconds(),
                    cold.seconds() / wrapped.seconds(),
                    cold.cpuSeconds() / wrapped.cpuSeconds());
            return 0;
        } finally {
            FileTrees.deleteRecursively(cache);
            FileTrees.deleteRecursively(archives);
        }
    }

    private static String defaultTouch(Path root, List<Path> kustomizations) {
        if (kustomizations.isEmpty()) {
            throw new IllegalArgumentException("no kustomization to change: name a file with --touch");
        }
        Path folder = kustomizations.get(0);
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            if (Files.isRegularFile(folder.resolve(name))) {
                return root.relativize(folder.resolve(name)).toString();
            }
        }
        throw new IllegalArgumentException("no kustomization file in " + folder);
    }

    /**
     * One validation as the command line runs it, in a process of its own, with the render cache in the folder: as
     * the wrapper runs it when this process started from the application's jar, else the way this process started.
     */
    private static MeasuredRun validate(Path root, Path cache, List<String> extra, Optional<StaticArchive> wrapper)
            throws IOException {
        List<String> arguments = arguments(root, cache, extra);
        List<String> command = wrapper.isPresent()
                ? wrapper.get().command(arguments)
                : SelfLauncher.command(SelfLauncher.COMMAND_LINE_VM_OPTIONS, arguments);
        MeasuredRun run = MeasuredRun.of(command, root);
        if (run.exit() != 0) {
            throw new IllegalStateException("validate failed (exit " + run.exit() + "): " + run.errors());
        }
        if (wrapper.isPresent()) {
            wrapper.get().grow();
        }
        return run;
    }

    /** The command line's arguments to validate the repository with the render cache in the folder. */
    private static List<String> arguments(Path root, Path cache, List<String> extra) {
        List<String> arguments = new ArrayList<>(List.of("validate", "-o", "json", "--fail-on", "never"));
        arguments.addAll(List.of("--cache-dir", cache.toString()));
        arguments.addAll(extra);
        arguments.add(root.toString());
        return arguments;
    }

    private static void header(PrintWriter out) {
        out.printf(
                "%-24s %10s %10s %7s %10s %10s %7s %14s %12s  %s%n",
                "phase",
                "meshgate",
                "floor",
                "ratio",
                "CPU mg",
                "CPU floor",
                "ratio",
                "peak meshgate",
                "peak floor",
                "render cache");
    }

    private static MeasuredRun row(PrintWriter out, String phase, MeasuredRun run, RepositoryFloor floor) {
        out.printf(
                "%-24s %8.2f s %8.2f s %7.2f %8.2f s %8.2f s %7.2f %10d MiB %8d MiB  %s%n",
                phase,
                run.seconds(),
                floor == null ? Double.NaN : floor.seconds(),
                floor == null ? Double.NaN : run.seconds() / floor.seconds(),
                run.cpuSeconds(),
                floor == null ? Double.NaN : floor.cpuSeconds(),
                floor == null ? Double.NaN : run.cpuSeconds() / floor.cpuSeconds(),
                run.peakKib() / 1024,
                floor == null ? 0 : floor.peakKib() / 1024,
                cacheLine(run.errors()));
        out.flush();
        return run;
    }

    private static String cacheLine(String errors) {
        return errors.lines()
                .filter(line -> line.startsWith("meshgate: render cache: "))
                .map(line -> line.substring("meshgate: render cache: ".length()))
                .findFirst()
                .orElse("");
    }
}
