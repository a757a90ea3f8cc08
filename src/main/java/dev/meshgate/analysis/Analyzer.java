package dev.meshgate.analysis;

import dev.meshgate.analysis.crd.CrdCatalog;
import dev.meshgate.manifest.LargestFirst;
import dev.meshgate.manifest.LoadProblem;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Runs every rule over one indexed input and returns the raw findings, before suppression and overrides. */
public final class Analyzer {

    private static final Comparator<Finding> ORDER = Comparator.comparing(
                    (Finding f) -> f.origin().file())
            .thenComparingInt(f -> f.origin().line())
            .thenComparingInt(f -> f.origin().column())
            .thenComparing(Finding::code);

    private final List<Rule> rules;

    public Analyzer(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** An analyzer with every registered rule. */
    public static Analyzer withAllRules() {
        return new Analyzer(RuleRegistry.all());
    }

    /**
     * An analyzer with those of this one's rules that report unresolved references ({@link RuleInfo#reportsReferences}):
     * for an analysis whose missing references alone are read, which then needs neither the structure checks nor the
     * input's CRDs.
     */
    public Analyzer referencesOnly() {
        return new Analyzer(
                rules.stream().filter(rule -> rule.info().reportsReferences()).toList());
    }

    /**
     * Analyses loaded manifests: every rule runs over the index (one of them reports the load problems), each through a
     * context of its own that lets it read only the kinds it declares.
     */
    public Analysis analyze(LoadResult loaded, AnalysisSettings settings) {
        return analyze(loaded, List.of(), settings);
    }

    /**
     * Analyses loaded manifests together with what exists outside them (a cluster, an inventory): those resources
     * resolve references, and are analysed like the others; the caller drops the findings about them.
     */
    public Analysis analyze(LoadResult loaded, List<Resource> outside, AnalysisSettings settings) {
        return analyze(
                loaded,
                outside,
                settings,
                CrdCatalog.builder().addInput(loaded.resources()).build());
    }

    /**
     * Analyses as above, judging structure by the CRDs of the catalog where it defines a kind (built from the
     * input's CRDs, then the cluster's or inventory's, then {@code --crds}), by the built-in model elsewhere. An input
     * analysed as the whole mesh has the ingress gateway istioctl assumes ({@link AssumedIngressGateway}) around it.
     */
    public Analysis analyze(LoadResult loaded, List<Resource> outside, AnalysisSettings settings, CrdCatalog crds) {
        return analyze(loaded, outside, settings, crds, RuleTimes.OFF);
    }

    /** Analyses as above, adding the CPU time spent in each rule and in building the index to {@code times}. */
    public Analysis analyze(
            LoadResult loaded, List<Resource> outside, AnalysisSettings settings, CrdCatalog crds, RuleTimes times) {
        List<Resource> assumed = settings.wholeMesh()
                ? AssumedIngressGateway.unlessDeclared(loaded.resources(), settings.rootNamespace())
                : List.of();
        List<Resource> around = new ArrayList<>(outside);
        around.addAll(assumed);
        long indexing = times.cpuStart();
        Index index = Index.build(loaded.resources(), around, settings);
        times.addIndex(indexing);
        List<LoadProblem> problems = List.copyOf(loaded.problems());
        // Measured rules run on this thread alone: the times are added up without locks.
        int cores = times.measures() ? 1 : ForkJoinPool.getCommonPoolParallelism() + 1;
        List<RuleReport> reports = check(index, problems, crds, cores, times);
        List<Finding> findings = new ArrayList<>();
        List<MissingReference> missing = new ArrayList<>();
        for (RuleReport report : reports) {
            findings.addAll(report.findingsOfCheck());
            missing.addAll(report.missingOfCheck());
        }
        long passCpu = times.cpuStart();
        long passWall = times.wallStart();
        new ResourcePass(reports).run(index, cores, times, findings, missing);
        times.addPass(passCpu, passWall);
        if (!assumed.isEmpty()) {
            // What is only assumed is never reported on: nothing in the input can be changed to fix it.
            Set<ResourceRef> refs = assumed.stream().map(ResourceRef::of).collect(Collectors.toSet());
            findings.removeIf(finding -> refs.contains(finding.resource()));
            missing.removeIf(reference -> refs.contains(reference.finding().resource()));
        }
        List<Finding> once = new ArrayList<>(SameProblem.merge(findings));
        once.sort(ORDER);
        return new Analysis(index, List.copyOf(once), List.copyOf(missing));
    }

    /**
     * Runs every rule's {@code check}, on up to {@code cores} threads, each rule into a report of its own; the
     * reports come in the order of the rules, whatever order the rules ran in.
     */
    private List<RuleReport> check(
            Index index, List<LoadProblem> problems, CrdCatalog crds, int cores, RuleTimes times) {
        List<RuleReport> reports = rules.stream().map(RuleReport::new).toList();
        IntConsumer checkOne = i -> {
            RuleReport report = reports.get(i);
            long start = times.cpuStart();
            try {
                report.rule().check(new Context(report, index, problems, crds));
            } catch (RuntimeException e) {
                report.failed(e);
            }
            times.addCpu(report.rule(), start);
            report.checked();
        };
        if (cores == 1) {
            IntStream.range(0, reports.size()).forEach(checkOne);
        } else {
            // Equal sizes: the rules are taken in their order.
            LargestFirst.map(new long[reports.size()], i -> {
                checkOne.accept(i);
                return i;
            });
        }
        return reports;
    }
}
