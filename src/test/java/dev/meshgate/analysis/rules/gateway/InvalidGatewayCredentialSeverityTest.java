package dev.meshgate.analysis.rules.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.analysis.AnalysisSettings;
import dev.meshgate.analysis.Analyzer;
import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Severity;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.ManifestLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without the gateway workload, a broken credential beside the Gateway is an error, and one in the root namespace a
 * warning (the installed gateway probably, not certainly, runs there); the whole mesh's assumed ingress gateway runs
 * in the root namespace for certain.
 */
class InvalidGatewayCredentialSeverityTest {

    private static final String GATEWAY_AND_SECRETS =
            """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: public, namespace: edge}
            spec:
              selector: {istio: ingressgateway}
              servers:
              - port: {number: 443, name: https, protocol: HTTPS}
                hosts: [shop.example.com]
                tls: {mode: SIMPLE, credentialName: shop-cert}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: shop-cert, namespace: istio-system}
            stringData: {tls.key: no certificate}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: shop-cert, namespace: edge}
            stringData: {tls.crt: no key}
            """;

    private static List<String> severities(AnalysisSettings settings) {
        return new Analyzer(List.of(new InvalidGatewayCredentialRule()))
                        .analyze(
                                new ManifestLoader(LoadLimits.defaults(), "default")
                                        .loadText("input.yaml", GATEWAY_AND_SECRETS),
                                settings)
                        .findings()
                        .stream()
                        .filter(finding -> finding.code().equals("IST0161"))
                        .map(InvalidGatewayCredentialSeverityTest::describe)
                        .toList();
    }

    private static String describe(Finding finding) {
        return finding.severity() + " " + finding.text().replaceAll(".* in namespace (\\S+) .*", "$1");
    }

    @Test
    void theRootNamespaceIsOnlyLikelyWhileTheGatewayWorkloadIsUnknown() {
        assertThat(severities(AnalysisSettings.defaults()))
                .containsExactlyInAnyOrder(Severity.ERROR + " edge", Severity.WARNING + " istio-system");
        assertThat(severities(AnalysisSettings.defaults().asWholeMesh(true)))
                .containsExactly(Severity.ERROR + " istio-system");
    }
}
