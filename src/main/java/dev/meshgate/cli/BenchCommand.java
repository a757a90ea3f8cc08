package dev.meshgate.cli;

import dev.meshgate.analysis.Analysis;
import dev.meshgate.analysis.AnalysisSettings;
import dev.meshgate.analysis.Analyzer;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshgate bench}: generates synthetic meshes of increasing size, then prints the median time to read and to
 * analyse them, resources per second, and how the time grows with the input (linear growth keeps the ratio near 10).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks reading and analysing a generated mesh of N services.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--services", split = ",", defaultValue = "1000,10000", paramLabel = "N",
            description = "Service counts to measure (default: ${DEFAULT-VALUE}); each service is 6 resources.")
    List<Integer> sizes;

    @Option(names = "--runs", defaultValue = "5", description = "Measured runs per size; the median is printed.")
    int runs;

    @Option(names = "--warmup", defaultValue = "5", description = "Warm-up runs on the smallest size.")
    int warmup;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One size's medians. */
    record Figures(int services, int resources, double loadMillis, double analyseMillis, int findings) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("meshgate bench: %d warm-up run(s), median of %d run(s), %d processor(s), max heap %d MiB%n",
                warmup, runs, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        for (int i = 0; i < warmup; i++) {
            measure(sizes.get(0), 1);
        }
        out.printf("%9s %10s %10s %12s %12s %14s %9s%n", "services", "resources", "read ms", "analyse ms",
                "total ms", "analysed/s", "findings");
        Figures first = null;
        for (int services : sizes) {
            Figures figures = measure(services, runs);
            out.printf("%9d %10d %10.1f %12.1f %12.1f %14.0f %9d%n", figures.services(), figures.resources(),
                    figures.loadMillis(), figures.analyseMillis(), figures.loadMillis() + figures.analyseMillis(),
                    figures.resources() / (figures.analyseMillis() / 1000), figures.findings());
            if (first == null) {
                first = figures;
            } else {
                out.printf("%d -> %d services (x%.1f input): analysis time x%.2f, read time x%.2f%n",
                        first.services(), services, (double) figures.resources() / first.resources(),
                        figures.analyseMillis() / first.analyseMillis(), figures.loadMillis() / first.loadMillis());
            }
            out.flush();
        }
        return 0;
    }

    private Figures measure(int services, int times) {
        String yaml = SyntheticMesh.generate(services);
        double[] load = new double[times];
        double[] analyse = new double[times];
        int resources = 0;
        int findings = 0;
        for (int run = 0; run < times; run++) {
            long start = System.nanoTime();
            LoadResult loaded = new ManifestLoader(LoadLimits.defaults().withMaxFileBytes(Long.MAX_VALUE), "default")
                    .loadText("synthetic.yaml", yaml);
            long read = System.nanoTime();
            Analysis analysis = Analyzer.withAllRules().analyze(loaded, AnalysisSettings.defaults());
            long done = System.nanoTime();
            load[run] = (read - start) / 1e6;
            analyse[run] = (done - read) / 1e6;
            resources = loaded.resources().size();
            findings = analysis.findings().size();
        }
        return new Figures(services, resources, median(load), median(analyse), findings);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
