package dev.meshgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.analysis.crd.CrdCatalog;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Resource;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The rules run on several cores, yet the findings come in the order one thread running them would report them:
 * findings that sort alike (one resource, one position, one code) keep that order.
 */
class RulesOnSeveralCoresTest {

    private static final String SERVICES =
            """
            apiVersion: v1
            kind: Service
            metadata: {name: first, namespace: shop}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: second, namespace: shop}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: shop}
            """;

    private static LoadResult load() {
        return new ManifestLoader(LoadLimits.defaults(), "default").loadText("input.yaml", SERVICES);
    }

    /** A rule that reports every resource it is given at the resource itself, naming itself and the resource. */
    private static Rule rule(String name, BiConsumer<Context, Rule> check) {
        return new Rule() {
            @Override
            public RuleInfo info() {
                return new RuleInfo(name, "a test rule", Set.of(Message.IST0001), Set.of(Kinds.ANY));
            }

            @Override
            public void check(Context context) {
                check.accept(context, this);
            }
        };
    }

    private static void report(Context context, String by, Resource resource) {
        context.report(Message.IST0001, resource, "", by + " " + resource.name());
    }

    private static List<String> texts(Analysis analysis) {
        return analysis.findings().stream()
                .map(finding -> finding.text().replace("Internal error: ", ""))
                .toList();
    }

    private static final List<Rule> RULES = List.of(
            rule("of-services", (context, self) -> context.onEach(Kinds.SERVICE, r -> report(context, "kind", r))),
            rule("at-once", (context, self) -> context.forEach(Kinds.SERVICE, r -> report(context, "check", r))),
            rule("of-every-kind", (context, self) -> context.onEachResource(r -> report(context, "every", r))),
            rule(
                    "of-services-too",
                    (context, self) -> context.onEach(Kinds.SERVICE, r -> report(context, "kind-too", r))));

    @Test
    void findingsThatSortAlikeComeInTheOrderOfOnePass() {
        Analysis analysis = new Analyzer(RULES).analyze(load(), AnalysisSettings.defaults());

        // Each resource in turn; the checks that ran at once first, then the per-resource checks of the resource's
        // kind in the order of the rules, then those of every kind.
        assertThat(texts(analysis))
                .containsExactly(
                        "check first",
                        "kind first",
                        "kind-too first",
                        "every first",
                        "check second",
                        "kind second",
                        "kind-too second",
                        "every second",
                        "every settings");
    }

    @Test
    void theOrderIsTheSameOnOneThread() {
        Analysis severalCores = new Analyzer(RULES).analyze(load(), AnalysisSettings.defaults());
        // Measured analyses run every rule on the calling thread.
        Analysis oneThread = new Analyzer(RULES)
                .analyze(load(), List.of(), AnalysisSettings.defaults(), CrdCatalog.empty(), RuleTimes.measured());

        assertThat(texts(oneThread)).containsExactlyElementsOf(texts(severalCores));
    }

    @Test
    void aCheckThatThrowsIsReportedOnceAndTheOtherRulesRunToTheEnd() {
        Rule failing = rule(
                "failing",
                (context, self) -> context.onEachResource(r -> {
                    report(context, "before", r);
                    throw new IllegalStateException("boom on " + r.name());
                }));
        List<Rule> rules = List.of(RULES.get(0), failing, RULES.get(3));

        Analysis analysis = new Analyzer(rules).analyze(load(), AnalysisSettings.defaults());

        assertThat(texts(analysis))
                .filteredOn(text -> text.contains("failed"))
                .singleElement()
                .satisfies(
                        text -> assertThat(text).contains("rule failing failed").contains("boom on first"));
        assertThat(texts(analysis))
                .filteredOn(text -> !text.contains("failed"))
                .containsExactly("kind first", "kind-too first", "before first", "kind second", "kind-too second");
    }
}
