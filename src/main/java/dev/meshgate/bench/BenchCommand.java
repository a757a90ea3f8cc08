package dev.meshgate.bench;

import dev.meshgate.analysis.Analysis;
import dev.meshgate.analysis.AnalysisSettings;
import dev.meshgate.analysis.Analyzer;
import dev.meshgate.analysis.RuleTimes;
import dev.meshgate.analysis.crd.CrdCatalog;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Resource;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshgate bench}: generates synthetic meshes of increasing size, then prints the median time to read and to
 * analyse them, resources per second, the heap held by one analysed input, and how the time grows with the input
 * (linear growth keeps the ratio near 10).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks reading and analysing a generated mesh of N services.")
public final class BenchCommand implements Callable<Integer> {

    @Option(
            names = "--services",
            split = ",",
            defaultValue = "1000,10000",
            paramLabel = "N",
            description = "Service counts to measure (default: ${DEFAULT-VALUE}); each service is 6 resources.")
    List<Integer> sizes;

    @Option(
            names = "--wildcard-hosts",
            description = "Add an external API behind a wildcard host per service (ServiceEntry, DestinationRule and"
                    + " VirtualService), so that host look-ups meet as many wildcards as there are services.")
    boolean wildcardHosts;

    @Option(
            names = "--per-rule",
            description = "Also measure the CPU time of each rule and of the index (mean per measured run; the"
                    + " rules then run on one thread, and the clock reads slow them a little) and print the rules"
                    + " that cost most, with how their time grows.")
    boolean perRule;

    @Option(names = "--runs", defaultValue = "5", description = "Measured runs per size; the median is printed.")
    int runs;

    @Option(names = "--warmup", defaultValue = "3", description = "Warm-up runs of every size.")
    int warmup;

    @Option(
            names = "--crds",
            paramLabel = "PATH",
            description =
                    "CustomResourceDefinition YAML (e.g. Istio's crd-all.gen.yaml): each size is also analysed with"
                            + " structure checked against these CRDs, CEL rules included, and the cost compared.")
    List<java.nio.file.Path> crds = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** One size's medians. */
    record Figures(
            int services,
            int resources,
            double loadMillis,
            double loadCpuMillis,
            double loadCollectorMillis,
            double analyseMillis,
            double analyseCpuMillis,
            double analyseProcessCpuMillis,
            double analyseAllocatedMiB,
            int findings,
            long retainedMiB,
            Map<String, Long> nanosByRule) {}

    private static final int RULES_PRINTED = 30;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Resource> crdResources = crds.isEmpty()
                ? List.of()
                : new ManifestLoader(new LoadLimits(Long.MAX_VALUE, 100, 512, Integer.MAX_VALUE), "default")
                        .load(crds)
                        .resources();

        out.printf(
                "meshgate bench%s: %d warm-up run(s), median of %d run(s), %d processor(s), max heap %d MiB%n",
                wildcardHosts ? " (a wildcard host per service)" : "",
                warmup,
                runs,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        // Warm up on every size so that the JIT has compiled what the large inputs exercise too.
        for (int i = 0; i < warmup; i++) {
            for (int services : sizes) {
                measure(services, 1, List.of());
                if (!crdResources.isEmpty()) {
                    measure(services, 1, crdResources);
                }
            }
        }
        out.printf(
                "%9s %10s %10s %10s %10s %12s %12s %12s %12s %14s %9s %12s%n",
                "services",
                "resources",
                "read ms",
                "read cpu",
                "read gc ms",
                "analyse ms",
                "analyse cpu",
                "analyse MiB",
                "total ms",
                "analysed/s",
                "findings",
                "heap MiB");
        Figures first = null;
        Figures firstWithCrds = null;
        List<Figures> builtIn = new ArrayList<>();
        for (int services : sizes) {
            Figures figures = measure(services, runs, List.of());
            builtIn.add(figures);
            print(out, figures, crdResources.isEmpty() ? "" : "  built-in model");
            if (!crdResources.isEmpty()) {
                Figures withCrds = measure(services, runs, crdResources);
                print(out, withCrds, "  CRDs with CEL");
                out.printf(
                        "%d services: structure by CRDs costs x%.2f the built-in model's analysis time (cpu x%.2f,"
                                + " process cpu with the collector's threads x%.2f)%n",
                        services,
                        withCrds.analyseMillis() / figures.analyseMillis(),
                        withCrds.analyseCpuMillis() / figures.analyseCpuMillis(),
                        withCrds.analyseProcessCpuMillis() / figures.analyseProcessCpuMillis());
                if (firstWithCrds == null) {
                    firstWithCrds = withCrds;
                } else {
                    out.printf(
                            "%d -> %d services with CRDs: analysis time x%.2f (cpu x%.2f)%n",
                            firstWithCrds.services(),
                            services,
                            withCrds.analyseMillis() / firstWithCrds.analyseMillis(),
                            withCrds.analyseCpuMillis() / firstWithCrds.analyseCpuMillis());
                }
            }
            if (first == null) {
                first = figures;
            } else {
                out.printf(
                        "%d -> %d services (x%.1f input): analysis time x%.2f (cpu x%.2f), read time x%.2f (cpu x%.2f,"
                                + " collector pauses x%.2f)%n",
                        first.services(),
                        services,
                        (double) figures.resources() / first.resources(),
                        figures.analyseMillis() / first.analyseMillis(),
                        figures.analyseCpuMillis() / first.analyseCpuMillis(),
                        figures.loadMillis() / first.loadMillis(),
                        figures.loadCpuMillis() / first.loadCpuMillis(),
                        figures.loadCollectorMillis() / Math.max(1, first.loadCollectorMillis()));
            }
            out.flush();
        }
        if (perRule) {
            printPerRule(out, builtIn);
        }
        return 0;
    }

    /** The costliest rules at the largest size, their time at every size, and the growth from the first to the last. */
    private static void printPerRule(PrintWriter out, List<Figures> sizes) {
        Figures largest = sizes.get(sizes.size() - 1);
        Figures smallest = sizes.get(0);
        StringBuilder header = new StringBuilder(String.format("%-55s", "rule (cpu ms per analysis, built-in model)"));
        for (Figures size : sizes) {
            header.append(String.format(" %10s", size.resources()));
        }
        out.println(header.append(String.format(" %8s", "growth")));
        largest.nanosByRule().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(RULES_PRINTED)
                .forEach(rule -> {
                    StringBuilder line = new StringBuilder(String.format("%-55s", rule.getKey()));
                    for (Figures size : sizes) {
                        line.append(String.format(" %10.1f", size.nanosByRule().getOrDefault(rule.getKey(), 0L) / 1e6));
                    }
                    long first = smallest.nanosByRule().getOrDefault(rule.getKey(), 0L);
                    out.println(
                            line.append(first == 0 ? "" : String.format(" %7.1fx", (double) rule.getValue() / first)));
                });
        long total = largest.nanosByRule().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        out.printf("%-55s %10.1f (largest size)%n", "all rules and the index", total / 1e6);
    }

    private static void print(PrintWriter out, Figures figures, String variant) {
        out.printf(
                "%9d %10d %10.1f %10.1f %10.0f %12.1f %12.1f %12.1f %12.1f %14.0f %9d %12d%s%n",
                figures.services(),
                figures.resources(),
                figures.loadMillis(),
                figures.loadCpuMillis(),
                figures.loadCollectorMillis(),
                figures.analyseMillis(),
                figures.analyseCpuMillis(),
                figures.analyseAllocatedMiB(),
                figures.loadMillis() + figures.analyseMillis(),
                figures.resources() / (figures.analyseMillis() / 1000),
                figures.findings(),
                figures.retainedMiB(),
                variant);
    }

    /** Medians of analysing the mesh; with CRDs, structure is judged by them instead of the built-in model. */
    private Figures measure(int services, int times, List<Resource> crdResources) {
        String yaml = wildcardHosts ? SyntheticMesh.withWildcardHosts(services) : SyntheticMesh.generate(services);
        double[] load = new double[times];
        double[] loadCpu = new double[times];
        double[] loadCollector = new double[times];
        double[] analyse = new double[times];
        double[] analyseCpu = new double[times];
        double[] analyseProcessCpu = new double[times];
        double[] analyseAllocated = new double[times];
        int resources = 0;
        int findings = 0;
        long retained = 0;
        RuleTimes ruleTimes = perRule ? RuleTimes.measured() : RuleTimes.OFF;
        for (int run = 0; run < times; run++) {
            // Each run starts from a collected heap, so that one run's garbage is not billed to the next.
            System.gc();
            long start = System.nanoTime();
            // Reading a single stream runs on this thread; the collector's pauses are where its time grows faster
            // than the input (every resource read survives until the end).
            long startCpu = CPU.getCurrentThreadCpuTime();
            long startCollector = collectorMillis();
            LoadResult loaded = new ManifestLoader(LoadLimits.defaults().withMaxFileBytes(Long.MAX_VALUE), "default")
                    .loadText("synthetic.yaml", yaml);
            long read = System.nanoTime();
            loadCpu[run] = (CPU.getCurrentThreadCpuTime() - startCpu) / 1e6;
            loadCollector[run] = collectorMillis() - startCollector;
            // Settles what loading allocated, so that copying the freshly read input is not billed to the rules.
            System.gc();
            long settled = System.nanoTime();
            // The analysis runs on this thread and the common pool's: their CPU time is what it costs when other
            // processes share the cores. Reading the CRDs (their schemas and rules come from the process's cache
            // after the first run) is billed to the CRD variant, as a validation pays it.
            AnalysisThreads analysing = AnalysisThreads.now();
            long cpu = analysing.cpuNanos();
            long processCpu = processCpuNanos();
            long allocated = analysing.allocatedBytes();
            CrdCatalog catalog = crdResources.isEmpty()
                    ? CrdCatalog.empty()
                    : CrdCatalog.builder()
                            .add(crdResources, new CrdCatalog.Source("the CRDs given", false))
                            .build();
            Analysis analysis =
                    Analyzer.withAllRules().analyze(loaded, List.of(), AnalysisSettings.defaults(), catalog, ruleTimes);
            long done = System.nanoTime();
            analyseCpu[run] = (analysing.cpuNanos() - cpu) / 1e6;
            analyseProcessCpu[run] = (processCpuNanos() - processCpu) / 1e6;
            analyseAllocated[run] = (analysing.allocatedBytes() - allocated) / (double) (1 << 20);
            load[run] = (read - start) / 1e6;
            analyse[run] = (done - settled) / 1e6;
            resources = loaded.resources().size();
            findings = analysis.findings().size();
            retained = retainedMiB(analysis);
        }
        return new Figures(
                services,
                resources,
                median(load),
                median(loadCpu),
                median(loadCollector),
                median(analyse),
                median(analyseCpu),
                median(analyseProcessCpu),
                median(analyseAllocated),
                findings,
                retained,
                meanPerRun(ruleTimes.nanosByName(), times));
    }

    private static Map<String, Long> meanPerRun(Map<String, Long> total, int runs) {
        Map<String, Long> mean = new LinkedHashMap<>();
        total.forEach((rule, nanos) -> mean.put(rule, nanos / runs));
        return mean;
    }

    /** The CPU time of the whole process (the garbage collector's threads included), or 0 where the JVM hides it. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    /** The time the collectors have taken so far, in milliseconds (of pauses and concurrent work, as they count). */
    private static long collectorMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(collector -> Math.max(0, collector.getCollectionTime()))
                .sum();
    }

    /** Heap still in use while the analysis (and so every resource it read) is reachable. */
    private static long retainedMiB(Analysis reachable) {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        return reachable.findings() == null ? 0 : used >> 20;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
