package dev.meshgate.analysis;

import dev.meshgate.manifest.LoadProblem;
import dev.meshgate.manifest.LoadResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every rule over one indexed input and returns the raw findings, before suppression and overrides. */
public final class Analyzer {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.origin().file())
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

    /** Analyses loaded manifests: load problems become findings, then every rule runs over the index. */
    public Analysis analyze(LoadResult loaded, AnalysisSettings settings) {
        Index index = Index.build(loaded.resources(), settings);
        Context context = new Context(index);
        for (LoadProblem problem : loaded.problems()) {
            context.reportAt(codeOf(problem.type()), problem.origin(), problem.detail());
        }
        for (Rule rule : rules) {
            rule.check(context);
        }
        List<Finding> findings = new ArrayList<>(context.findings());
        findings.sort(ORDER);
        return new Analysis(index, List.copyOf(findings));
    }

    private static Message codeOf(LoadProblem.Type type) {
        return switch (type) {
            case SYNTAX -> Message.MG0001;
            case LIMIT -> Message.MG0002;
            case NOT_AN_OBJECT -> Message.MG0003;
            case DUPLICATE_KEY -> Message.MG0004;
            case UNREADABLE -> Message.MG0005;
        };
    }
}
