package dev.meshgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.Fixtures;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

    private static LoadResult load(String text) {
        return new ManifestLoader(LoadLimits.defaults(), "default").loadText("input.yaml", text);
    }

    @Test
    void aFailingRuleIsAnInternalErrorFindingAndTheOtherRulesStillRun() {
        Rule broken = new Rule() {
            @Override
            public RuleInfo info() {
                return new RuleInfo("broken", "always fails", Set.of(), Set.of());
            }

            @Override
            public void check(Context context) {
                throw new IllegalStateException("boom");
            }
        };
        List<Rule> rules = new ArrayList<>(RuleRegistry.all());
        rules.add(0, broken);

        List<Finding> findings = new Analyzer(rules)
                .analyze(load(Fixtures.SUBSET_NOT_FOUND), AnalysisSettings.defaults())
                .findings();

        assertThat(findings).extracting(Finding::code).contains("IST0001", "IST0101");
        assertThat(findings)
                .filteredOn(f -> f.code().equals("IST0001"))
                .singleElement()
                .satisfies(
                        f -> assertThat(f.text()).contains("rule broken failed").contains("boom"));
    }

    private static final String MISSING_REFERENCES =
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: checkout, namespace: shop}
            spec:
              hosts: [checkout]
              gateways: [shop/no-such-gateway]
              http:
              - route:
                - destination: {host: checkout, subset: v3}
                - destination: {host: payments}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: checkout, namespace: shop}
            spec:
              selector: {app: checkout}
              ports: [{name: http, port: 80}]
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: checkout, namespace: shop}
            spec:
              host: checkout
              subsets:
              - {name: v1, labels: {version: v1}}
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: checkout, namespace: shop}
            spec:
              selector: {matchLabels: {app: no-such-workload}}
              rules: [{from: [{source: {namespaces: [billing]}}]}]
            """;

    @Test
    void theReferenceRulesAloneFindTheMissingReferencesAllRulesFind() {
        LoadResult loaded = load(MISSING_REFERENCES);
        Analyzer all = Analyzer.withAllRules();

        List<MissingReference> everyRule =
                all.analyze(loaded, AnalysisSettings.defaults()).missingReferences();
        List<MissingReference> referenceRules = all.referencesOnly()
                .analyze(loaded, List.of(), AnalysisSettings.defaults(), dev.meshgate.analysis.crd.CrdCatalog.empty())
                .missingReferences();

        assertThat(everyRule)
                .extracting(reference -> reference.finding().code())
                .contains("IST0101");
        assertThat(referenceRules)
                .extracting(MissingReference::finding)
                .containsExactlyInAnyOrderElementsOf(
                        everyRule.stream().map(MissingReference::finding).toList());
    }

    @Test
    void theReferenceRulesAreThoseThatDeclareTheUnverifiedFinding() {
        List<String> declaring = RuleRegistry.all().stream()
                .filter(rule -> rule.info().messages().contains(Message.MG2003))
                .map(rule -> rule.info().name())
                .toList();
        RuleTimes times = RuleTimes.measured();

        Analyzer.withAllRules()
                .referencesOnly()
                .analyze(
                        load(MISSING_REFERENCES),
                        List.of(),
                        AnalysisSettings.defaults(),
                        dev.meshgate.analysis.crd.CrdCatalog.empty(),
                        times);

        assertThat(declaring)
                .hasSizeGreaterThanOrEqualTo(10)
                .hasSizeLessThan(RuleRegistry.all().size());
        assertThat(times.nanosByName().keySet())
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.Stream.concat(java.util.stream.Stream.of(RuleTimes.INDEX), declaring.stream())
                                .toList());
    }

    @Test
    void aRuleReportingAnUnresolvedReferenceWithoutDeclaringTheUnverifiedFindingFailsNamingItself() {
        Rule undeclared = new Rule() {
            @Override
            public RuleInfo info() {
                return new RuleInfo("undeclared", "reports a reference", Set.of(Message.IST0101), Set.of());
            }

            @Override
            public void check(Context context) {
                context.unresolved(
                        null, "", Reference.in("shop", Reference.Target.SECRET, "tls"), Message.IST0101, "x");
            }
        };

        List<Finding> findings = new Analyzer(List.of(undeclared))
                .analyze(load(MISSING_REFERENCES), AnalysisSettings.defaults())
                .findings();

        assertThat(findings).singleElement().satisfies(finding -> assertThat(finding.text())
                .contains("rule undeclared failed")
                .contains("does not declare MG2003"));
    }

    @Test
    void hostileShapesNeverBreakAnyRule() {
        String hostile =
                """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: odd}
                spec:
                  hosts: 5
                  gateways: {a: b}
                  http: "not a list"
                  tcp: [7, null, {route: "x"}, {route: {a: 1}}]
                  tls: [{match: [{port: "x", sniHosts: 3}], route: [{destination: 4, weight: "w"}]}]
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: odd}
                spec:
                  host: [a, b]
                  trafficPolicy: {tls: "x", portLevelSettings: {a: 1}}
                  subsets: {name: v1}
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: odd}
                spec:
                  selector: [x]
                  servers: [{port: 80, hosts: {a: 1}, tls: [1]}, 3]
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: odd}
                spec:
                  selector: "x"
                  rules: [{when: {key: x}}, {to: [{operation: {ports: [{}]}}]}]
                ---
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: odd, namespace: istio-system}
                spec: {mtls: [], portLevelMtls: [1]}
                ---
                apiVersion: install.istio.io/v1alpha1
                kind: IstioOperator
                metadata: {name: odd}
                spec: {components: {ingressGateways: {name: x}, pilot: {k8s: {replicaCount: "two"}}}, meshConfig: 3}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: istio, namespace: istio-system}
                data: {mesh: "{ unclosed"}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: odd}
                spec: {template: {metadata: {labels: [a], annotations: 5}, spec: {containers: {a: 1}}}}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: odd}
                spec: {ports: {name: x}, selector: [a]}
                """;

        List<Finding> findings = Analyzer.withAllRules()
                .analyze(load(hostile), AnalysisSettings.defaults())
                .findings();

        assertThat(findings).extracting(Finding::code).doesNotContain("IST0001").contains("IST0106");
    }
}
