package dev.meshgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.ManifestLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reference into a namespace the input declares nothing in is only unverified by default; declared the whole mesh,
 * the input is the world, as istioctl analyze takes its files, and the reference is missing.
 */
class WholeMeshTest {

    private static final String ROUTE_TO_ANOTHER_TEAM =
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: checkout, namespace: shop}
            spec:
              hosts: [checkout]
              http:
              - route:
                - destination: {host: billing.finance.svc.cluster.local}
            """;

    private static List<String> codes(AnalysisSettings settings) {
        return new Analyzer(RuleRegistry.all())
                        .analyze(
                                new ManifestLoader(LoadLimits.defaults(), "default")
                                        .loadText("input.yaml", ROUTE_TO_ANOTHER_TEAM),
                                settings)
                        .findings()
                        .stream()
                        .map(Finding::code)
                        .toList();
    }

    @Test
    void aHostInANamespaceTheInputDoesNotManageIsUnverifiedUnlessTheInputIsTheWholeMesh() {
        assertThat(codes(AnalysisSettings.defaults())).contains("MG2003").doesNotContain("IST0101");
        assertThat(codes(AnalysisSettings.defaults().asWholeMesh(true)))
                .contains("IST0101")
                .doesNotContain("MG2003");
    }
}
