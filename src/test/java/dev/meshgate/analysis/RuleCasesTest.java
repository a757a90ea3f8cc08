package dev.meshgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every rule fixture, and checks that every rule has a failing and a passing case. */
class RuleCasesTest {

    private static final Map<String, Rule> RULES =
            RuleRegistry.all().stream().collect(Collectors.toMap(r -> r.info().name(), Function.identity()));

    @TestFactory
    Stream<DynamicTest> everyCaseReportsExactlyItsExpectedFindings() throws IOException {
        return RuleCases.all().stream()
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
                    Rule rule = RULES.get(c.rule());
                    assertThat(rule)
                            .as("folder %s names a registered rule", c.rule())
                            .isNotNull();
                    Set<String> codes = c.codes(rule);
                    assertThat(c.actual(rule, codes))
                            .as(c.toString())
                            .containsExactlyInAnyOrderElementsOf(c.expected());
                }));
    }

    @Test
    void everyRuleHasAFailingAndAPassingCase() throws IOException {
        List<RuleCases.Case> cases = RuleCases.all();
        for (Rule rule : RuleRegistry.all()) {
            String name = rule.info().name();
            List<RuleCases.Case> own =
                    cases.stream().filter(c -> c.rule().equals(name)).toList();
            assertThat(own).as("cases for rule %s", name).isNotEmpty();
            assertThat(own).as("a failing case for %s", name).anyMatch(c -> !c.expected()
                    .isEmpty());
            assertThat(own).as("a passing case for %s", name).anyMatch(c -> c.expected()
                    .isEmpty());
        }
    }

    /**
     * MG0005 (unreadable file) cannot be produced by a fixture when tests run as root: LoadProblemRuleTest has it.
     * MG0007 (render failed) and MG0008 (not analysed: a remote base) need a renderer: RenderFailuresTest renders
     * real ones.
     */
    private static final Set<String> TESTED_OUTSIDE_FIXTURES = Set.of("MG0005", "MG0007", "MG0008");

    @Test
    void everyCodeARuleReportsIsExpectedInSomeCase() throws IOException {
        Set<String> expected = RuleCases.all().stream()
                .flatMap(c -> c.expected().stream())
                .map(l -> l.split(" ")[0])
                .collect(Collectors.toSet());
        for (Rule rule : RuleRegistry.all()) {
            for (Message message : rule.info().messages()) {
                if (!TESTED_OUTSIDE_FIXTURES.contains(message.code())) {
                    assertThat(expected)
                            .as(
                                    "%s of rule %s has a failing case",
                                    message.code(), rule.info().name())
                            .contains(message.code());
                }
            }
        }
    }

    @Test
    void everyCatalogCodeIsReportedBySomeRule() {
        Set<Message> declared = RuleRegistry.all().stream()
                .flatMap(r -> r.info().messages().stream())
                .collect(Collectors.toCollection(java.util.HashSet::new));
        // The analyzer itself reports IST0001 when a rule fails (AnalyzerTest covers it).
        declared.add(Message.IST0001);
        assertThat(declared).as("codes no rule reports").containsExactlyInAnyOrder(Message.values());
    }

    @Test
    void ruleNamesAreUniqueAndTheRegistryIsAlphabetised() {
        List<String> classes = RuleRegistry.all().stream()
                .map(r -> r.getClass().getSimpleName())
                .toList();
        assertThat(classes).isSortedAccordingTo(String::compareTo).doesNotHaveDuplicates();
        assertThat(RULES).hasSameSizeAs(RuleRegistry.all());
    }
}
