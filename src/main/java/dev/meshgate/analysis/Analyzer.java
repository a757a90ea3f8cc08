package dev.meshgate.analysis;

import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.Origin;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every rule over one indexed input and returns the raw findings, before suppression and overrides. */
public final class Analyzer {

    private static final Comparator<Finding> ORDER = Comparator.comparing(
                    (Finding f) -> f.origin().file())
            .thenComparingInt(f -> f.origin().line())
            .thenComparingInt(f -> f.origin().column())
            .thenComparing(Finding::code);

    private final List<Rule> rules;

    /** A bug in one rule must not cost the user every other finding, nor crash the service. */
    private static void failed(Context context, Rule rule, RuntimeException e) {
        context.reportAt(
                Message.IST0001, Origin.of("<meshgate>"), "rule " + rule.info().name() + " failed: " + e);
    }

    public Analyzer(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** An analyzer with every registered rule. */
    public static Analyzer withAllRules() {
        return new Analyzer(RuleRegistry.all());
    }

    /** Analyses loaded manifests: every rule runs over the index (one of them reports the load problems). */
    public Analysis analyze(LoadResult loaded, AnalysisSettings settings) {
        return analyze(loaded, List.of(), settings);
    }

    /**
     * Analyses loaded manifests together with what exists outside them (a cluster, an inventory): those resources
     * resolve references, and are analysed like the others; the caller drops the findings about them.
     */
    public Analysis analyze(LoadResult loaded, List<Resource> outside, AnalysisSettings settings) {
        Index index = Index.build(loaded.resources(), outside, settings);
        Context context = new Context(index, loaded.problems());
        for (Rule rule : rules) {
            context.running(rule);
            try {
                rule.check(context);
            } catch (RuntimeException e) {
                failed(context, rule, e);
            }
        }
        context.runResourcePass((rule, e) -> failed(context, rule, e));
        List<Finding> findings = new ArrayList<>(context.findings());
        findings.sort(ORDER);
        return new Analysis(index, List.copyOf(findings));
    }
}
