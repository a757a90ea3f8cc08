package dev.meshgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.Fixtures;
import dev.meshgate.analysis.crd.CrdCatalog;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RuleTimesTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long ONE_MS = 1_000_000;

    private static LoadResult load() {
        return new ManifestLoader(LoadLimits.defaults(), "default").loadText("input.yaml", Fixtures.SUBSET_NOT_FOUND);
    }

    /** Burns this thread's CPU until its clock has moved by at least the given nanoseconds. */
    private static void burn(long nanos) {
        long until = THREADS.getCurrentThreadCpuTime() + nanos;
        while (THREADS.getCurrentThreadCpuTime() < until) {
            Thread.onSpinWait();
        }
    }

    private static Rule rule(String name, Consumer<Context> check) {
        return new Rule() {
            @Override
            public RuleInfo info() {
                return new RuleInfo(name, name, Set.of(), Set.of(Kinds.VIRTUAL_SERVICE));
            }

            @Override
            public void check(Context context) {
                check.accept(context);
            }
        };
    }

    private static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>(RuleRegistry.all());
        rules.add(rule("burns-in-check", context -> burn(ONE_MS)));
        rules.add(rule("burns-per-resource", context -> context.onEach(Kinds.VIRTUAL_SERVICE, vs -> burn(ONE_MS))));
        return rules;
    }

    @Test
    void eachRuleIsCreditedWithTheCpuTimeOfItsCheckAndOfItsPerResourceChecks() {
        RuleTimes times = RuleTimes.measured();

        new Analyzer(rules()).analyze(load(), List.of(), AnalysisSettings.defaults(), CrdCatalog.empty(), times);

        Map<String, Long> byName = times.nanosByName();
        assertThat(byName.keySet()).first().isEqualTo(RuleTimes.INDEX);
        assertThat(byName.keySet())
                .containsAll(
                        RuleRegistry.all().stream().map(r -> r.info().name()).toList());
        assertThat(byName.get("burns-in-check")).isGreaterThanOrEqualTo(ONE_MS);
        // A per-resource check gets its share of the pass's CPU time by its wall time: most of it here.
        assertThat(byName.get("burns-per-resource")).isGreaterThan(ONE_MS / 2);
        assertThat(byName.get(RuleTimes.INDEX)).isPositive();
    }

    @Test
    void timingChangesNoFindingAndOffMeasuresNothing() {
        List<Finding> timed = new Analyzer(RuleRegistry.all())
                .analyze(load(), List.of(), AnalysisSettings.defaults(), CrdCatalog.empty(), RuleTimes.measured())
                .findings();
        List<Finding> untimed = new Analyzer(RuleRegistry.all())
                .analyze(load(), List.of(), AnalysisSettings.defaults(), CrdCatalog.empty(), RuleTimes.OFF)
                .findings();

        assertThat(timed).isNotEmpty().isEqualTo(untimed);
        assertThat(RuleTimes.OFF.nanosByName()).containsExactly(Map.entry(RuleTimes.INDEX, 0L));
    }
}
