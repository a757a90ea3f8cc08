package dev.meshgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.ResourceKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The rule contract: a rule reads only the kinds it declares in {@link RuleInfo#inputs} (the context refuses any other
 * read, during {@code check} and during the resource pass), and every kind a registered rule declares is read by one of
 * its fixture cases, so declared inputs are the kinds actually read.
 */
class RuleContractTest {

    private static final String INPUT =
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews, namespace: shop}
            spec:
              hosts: [reviews]
              gateways: [edge]
              http: [{route: [{destination: {host: reviews}}]}]
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: edge, namespace: shop}
            spec:
              selector: {istio: ingressgateway}
              servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
            """;

    private static LoadResult load() {
        return new ManifestLoader(LoadLimits.defaults(), "default").loadText("input.yaml", INPUT);
    }

    /** A rule that declares only VirtualServices and does whatever the test gives it. */
    private static Rule readingVirtualServicesOnly(Consumer<Context> check) {
        return new Rule() {
            @Override
            public RuleInfo info() {
                return new RuleInfo("reads-too-much", "a test rule", Set.of(), Set.of(Kinds.VIRTUAL_SERVICE));
            }

            @Override
            public void check(Context context) {
                check.accept(context);
            }
        };
    }

    private static List<Finding> analyze(Rule rule) {
        return new Analyzer(List.of(rule))
                .analyze(load(), AnalysisSettings.defaults())
                .findings();
    }

    /** One way of reading the input, and what its refusal names. */
    private record Read(String names, Runnable read) {}

    @Test
    void everyWayOfReadingAnUndeclaredKindIsRefusedNamingTheRuleAndTheKind() {
        List<Read> reads = new ArrayList<>();
        Map<Read, Throwable> refusals = new LinkedHashMap<>();
        Rule rule = readingVirtualServicesOnly(context -> {
            Index index = context.index();
            String gateway = "Gateway.networking.istio.io";
            reads.add(new Read(gateway, () -> index.ofKind(Kinds.GATEWAY)));
            reads.add(new Read(gateway, () -> index.find(Kinds.GATEWAY, "shop", "edge")));
            reads.add(new Read(gateway, () -> index.named(Kinds.GATEWAY, "shop", "edge")));
            reads.add(new Read(gateway, () -> index.namedInAnyNamespace(Kinds.GATEWAY, "edge")));
            reads.add(new Read(gateway, () -> context.forEach(Kinds.GATEWAY, g -> {})));
            reads.add(new Read(gateway, () -> context.onEach(Kinds.GATEWAY, g -> {})));
            reads.add(new Read("every resource", () -> context.onEachResource(resource -> {})));
            reads.add(new Read("every resource", index::all));
            reads.add(new Read("every resource", index::namespaces));
            reads.add(new Read("workloads", index::workloads));
            reads.add(new Read("workloads", () -> index.workloads("shop", Map.of("app", "reviews"))));
            reads.add(new Read("Service,", () -> index.service("reviews.shop.svc.cluster.local")));
            reads.add(new Read("Service,", () -> index.hostExists("reviews.shop.svc.cluster.local", "shop")));
            reads.add(
                    new Read("ServiceEntry.networking.istio.io", () -> index.serviceEntries("api.example.com", null)));
            reads.add(new Read(
                    "DestinationRule.networking.istio.io",
                    () -> index.destinationRules("reviews.shop.svc.cluster.local", "shop")));
            reads.add(new Read("secrets", () -> index.secretExists("shop", "edge-cert")));
            for (Read read : reads) {
                try {
                    read.read().run();
                    refusals.put(read, null);
                } catch (RuntimeException e) {
                    refusals.put(read, e);
                }
            }
            // What the rule declares stays readable.
            assertThat(index.ofKind(Kinds.VIRTUAL_SERVICE)).hasSize(1);
            context.forEach(Kinds.VIRTUAL_SERVICE, vs -> {});
            context.onEach(Kinds.VIRTUAL_SERVICE, vs -> {});
        });

        assertThat(analyze(rule)).as("the rule ran to its end").isEmpty();

        assertThat(refusals).hasSize(16);
        refusals.forEach((read, refusal) -> assertThat(refusal)
                .as("reading %s", read.names())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("rule reads-too-much reads " + read.names())
                .hasMessageEndingWith("(RuleInfo inputs: [VirtualService.networking.istio.io])"));
    }

    @Test
    void aReadInsideAPerResourceCheckIsRefusedAndReportedAsTheRulesFailure() {
        Rule rule = readingVirtualServicesOnly(context ->
                context.onEach(Kinds.VIRTUAL_SERVICE, vs -> context.index().find(Kinds.GATEWAY, "shop", "edge")));

        assertThat(analyze(rule)).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo("IST0001");
            assertThat(finding.text())
                    .contains("rule reads-too-much failed: java.lang.IllegalStateException")
                    .contains("reads Gateway.networking.istio.io, a kind it does not declare");
        });
    }

    @Test
    void aFixtureCaseFailsAsSoonAsItsRuleReadsAKindItDoesNotDeclare() throws IOException {
        Rule rule = RuleRegistry.all().stream()
                .filter(r -> r.info().name().equals("virtualservice-gateway-not-found"))
                .findFirst()
                .orElseThrow();
        RuleCases.Case passing = RuleCases.all().stream()
                .filter(c -> c.rule().equals(rule.info().name()) && c.expected().isEmpty())
                .findFirst()
                .orElseThrow();

        Rule undeclared = without(rule, Kinds.GATEWAY);

        assertThat(passing.actual(rule, passing.codes(rule))).isEmpty();
        assertThatThrownBy(() -> passing.actual(undeclared, passing.codes(rule)))
                .as("a case that expects nothing still fails")
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("reads Gateway.networking.istio.io, a kind it does not declare");
    }

    @Test
    void everyKindARuleDeclaresIsReadInOneOfItsCases() throws IOException {
        List<RuleCases.Case> cases = RuleCases.all();
        List<String> neverRead = new ArrayList<>();
        for (Rule rule : RuleRegistry.all()) {
            List<RuleCases.Case> own = cases.stream()
                    .filter(c -> c.rule().equals(rule.info().name()))
                    .toList();
            for (ResourceKind kind : rule.info().inputs()) {
                if (!readInSomeCase(without(rule, kind), own, rule)) {
                    neverRead.add(rule.info().name() + " " + kind);
                }
            }
        }
        assertThat(neverRead).as("declared inputs no case reads").isEmpty();
    }

    /** Whether a case fails because the rule, short of one declared kind, was refused a read. */
    private static boolean readInSomeCase(Rule narrowed, List<RuleCases.Case> cases, Rule owner) throws IOException {
        for (RuleCases.Case c : cases) {
            try {
                c.actual(narrowed, c.codes(owner));
            } catch (AssertionError refused) {
                if (refused.getMessage()
                        .contains("IllegalStateException: rule " + owner.info().name() + " reads")) {
                    return true;
                }
                throw refused;
            }
        }
        return false;
    }

    /** The rule as if it did not declare the kind. */
    private static Rule without(Rule rule, ResourceKind kind) {
        RuleInfo info = rule.info();
        Set<ResourceKind> fewer = new HashSet<>(info.inputs());
        fewer.remove(kind);
        RuleInfo narrowed = new RuleInfo(info.name(), info.description(), info.messages(), Set.copyOf(fewer));
        return new Rule() {
            @Override
            public RuleInfo info() {
                return narrowed;
            }

            @Override
            public void check(Context context) {
                rule.check(context);
            }
        };
    }
}
