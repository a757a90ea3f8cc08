package dev.meshgate.bench;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.render.RenderLimits;
import dev.meshgate.render.RenderedApplication;
import dev.meshgate.render.Rendering;
import dev.meshgate.render.Source;
import dev.meshgate.render.SourceType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshgate bench-helm}: what a chart costs in a render worker (its first chart, which starts the worker, and
 * warm) against Helm as a library in meshgate's own process.
 */
@Command(
        name = "bench-helm",
        mixinStandardHelpOptions = true,
        description = "Benchmarks one chart rendered in a render worker (cold, warm) and in-process.")
public final class BenchHelmCommand implements Callable<Integer> {

    @Option(
            names = "--chart",
            defaultValue = "config-samples/rendered/helm-chart/charts/reviews",
            description = "The chart folder (default: ${DEFAULT-VALUE}).")
    Path chart;

    @Option(names = "--runs", defaultValue = "20", description = "Timed renders; the median is printed (default: 20).")
    int runs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = chart.toAbsolutePath().normalize();
        Source source = Source.of(SourceType.HELM, folder.getFileName().toString());
        Path root = folder.getParent();
        // A heap size no other rendering uses gives this benchmark workers of its own, started here.
        RenderLimits worker = RenderLimits.defaults().withHelm(RenderLimits.HelmProcess.WORKER, 384L * 1024 * 1024);
        Rendering inWorker = new Rendering(worker, LoadLimits.defaults());
        long start = System.nanoTime();
        RenderedApplication first = inWorker.render(root, source, "default");
        double firstMillis = (System.nanoTime() - start) / 1e6;
        if (!first.loaded().problems().isEmpty()) {
            out.println(
                    "meshgate bench-helm: " + first.loaded().problems().get(0).detail());
            return 1;
        }
        out.printf(
                "meshgate bench-helm %s: %d resources, median of %d renders%n",
                chart, first.loaded().resources().size(), runs);
        out.printf("%-40s %9.1f ms%n", "render worker, first chart (starts it)", firstMillis);
        out.printf("%-40s %9.1f ms%n", "render worker, warm", median(inWorker, root, source));
        Rendering here = new Rendering(
                RenderLimits.defaults().withHelm(RenderLimits.HelmProcess.IN_PROCESS, 0), LoadLimits.defaults());
        start = System.nanoTime();
        here.render(root, source, "default");
        out.printf("%-40s %9.1f ms%n", "in-process, first chart (loads Helm)", (System.nanoTime() - start) / 1e6);
        out.printf("%-40s %9.1f ms%n", "in-process, warm", median(here, root, source));
        out.flush();
        return 0;
    }

    private double median(Rendering rendering, Path root, Source source) {
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            rendering.render(root, source, "default");
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }
}
