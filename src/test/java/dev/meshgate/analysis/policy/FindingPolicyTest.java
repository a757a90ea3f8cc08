package dev.meshgate.analysis.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshgate.analysis.AnalysisSettings;
import dev.meshgate.analysis.Analyzer;
import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.ResourceRef;
import dev.meshgate.analysis.Severity;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingPolicyTest {

    private static final String BROKEN_VS =
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: %s
              namespace: %s
              annotations: {%s}
            spec:
              hosts: [reviews]
              http:
              - route:
                - destination: {host: reviews, subset: nope}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: reviews, namespace: %s}
            """;

    @TempDir
    Path dir;

    @Test
    void istioAndMeshgateAnnotationsSuppressTheirCodes() {
        String text = String.join(
                "---\n",
                vs("plain", "shop", ""),
                vs("istio", "shop", "galley.istio.io/analyze-suppress: \"IST0102,IST0101\""),
                vs("meshgate", "shop", "meshgate.dev/suppress: IST0101"),
                vs("other-code", "shop", "meshgate.dev/suppress: IST0102"),
                vs("all", "shop", "meshgate.dev/suppress: \"*\""));

        FindingPolicy.Outcome outcome =
                FindingPolicy.defaults().apply(findings(text), load(text).resources());

        assertThat(outcome.findings())
                .extracting(f -> f.resource().name())
                .containsExactlyInAnyOrder("plain", "other-code");
        assertThat(outcome.suppressed()).isEqualTo(3);
    }

    @Test
    void configSuppressionsMatchCodeResourceAndFile() {
        String text = vs("a", "legacy", "") + "---\n" + vs("b", "shop", "");
        FindingPolicy policy = new FindingPolicy(
                Map.of(), List.of(new Suppression("IST0101", "VirtualService legacy/*", null, "old debt")));

        assertThat(policy.apply(findings(text), load(text).resources()).findings())
                .extracting(f -> f.resource().toString())
                .containsExactly("VirtualService shop/b");
        FindingPolicy byFile = new FindingPolicy(Map.of(), List.of(new Suppression("*", null, "other/**", null)));
        assertThat(byFile.apply(findings(text), load(text).resources()).findings())
                .hasSize(2);
        FindingPolicy byThisFile = new FindingPolicy(Map.of(), List.of(new Suppression("*", null, "*.yaml", null)));
        assertThat(byThisFile.apply(findings(text), load(text).resources()).findings())
                .isEmpty();
    }

    @Test
    void severityOverridesChangeOrSwitchOffCodes() {
        String text = vs("a", "shop", "");
        FindingPolicy warn = new FindingPolicy(Map.of("IST0101", Optional.of(Severity.WARNING)), List.of());
        FindingPolicy off = new FindingPolicy(Map.of("IST0101", Optional.empty()), List.of());

        assertThat(warn.apply(findings(text), List.of()).findings())
                .extracting(Finding::severity)
                .containsExactly(Severity.WARNING);
        assertThat(off.apply(findings(text), List.of()).suppressed()).isEqualTo(1);
    }

    @Test
    void configFileSetsSettingsSeveritiesAndSuppressions() throws Exception {
        Path file = dir.resolve(".meshgate.yaml");
        Files.writeString(
                file,
                """
                clusterDomain: corp.internal
                rootNamespace: mesh-root
                knownHosts: ["*.partner.example.com"]
                wholeMesh: true
                severity:
                  IST0101: warning
                  MG1102: off
                suppress:
                - code: IST0106
                  resource: "VirtualService legacy/*"
                  reason: migrating
                """);

        ConfigFile.Config config = ConfigFile.read(file);

        assertThat(config.settings().clusterDomain()).isEqualTo("corp.internal");
        assertThat(config.settings().rootNamespace()).isEqualTo("mesh-root");
        assertThat(config.settings().knownHosts()).containsExactly("*.partner.example.com");
        assertThat(config.settings().wholeMesh()).isTrue();
        assertThat(ConfigFile.Config.defaults().settings().wholeMesh()).isFalse();
        assertThat(config.policy().severities())
                .containsEntry("IST0101", Optional.of(Severity.WARNING))
                .containsEntry("MG1102", Optional.empty());
        assertThat(config.policy().suppressions())
                .singleElement()
                .extracting(Suppression::reason)
                .isEqualTo("migrating");
    }

    @Test
    void configFileTyposAreErrorsWithTheirLine() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "clusterDomain: x\nseverty:\n  IST0101: warning\n");
        assertThatThrownBy(() -> ConfigFile.read(file))
                .isInstanceOf(ConfigFile.InvalidConfigException.class)
                .hasMessageContaining("bad.yaml:2")
                .hasMessageContaining("severty");
        Files.writeString(file, "severity:\n  IST0101: warning\n  IST9999: warning\n");
        assertThatThrownBy(() -> ConfigFile.read(file))
                .hasMessageContaining("bad.yaml:3:")
                .hasMessageContaining("unknown code 'IST9999'");
        Files.writeString(file, "severity:\n  IST0101: fatal\n");
        assertThatThrownBy(() -> ConfigFile.read(file))
                .hasMessageContaining("bad.yaml:2:")
                .hasMessageContaining("unknown severity 'fatal'");
        Files.writeString(file, "suppress:\n- code: IST0101\n- code: MG9999\n  reason: typo\n- reason: none\n");
        assertThatThrownBy(() -> ConfigFile.read(file))
                .hasMessageContaining("bad.yaml:3:")
                .hasMessageContaining("unknown code 'MG9999'");
    }

    /** A VirtualService routing to a subset nobody defines, next to the Service it routes to. */
    private static String vs(String name, String namespace, String annotations) {
        return BROKEN_VS.formatted(name, namespace, annotations, namespace);
    }

    private static List<Finding> findings(String text) {
        return Analyzer.withAllRules().analyze(load(text), AnalysisSettings.defaults()).findings().stream()
                .filter(f -> f.code().equals("IST0101"))
                .toList();
    }

    private static LoadResult load(String text) {
        return new ManifestLoader(LoadLimits.defaults(), "default").loadText("input.yaml", text);
    }

    @Test
    void aFindingThatStandsForAnotherCodeGoesWithEitherCode() {
        Finding merged = new Finding(
                        Message.MG1202,
                        Severity.ERROR,
                        "spec.http[0].timeout: Invalid value: too short",
                        new ResourceRef("VirtualService", "shop", "short"),
                        new Origin("routes.yaml", 9, 7))
                .standingFor(Message.MG1103);

        assertThat(new FindingPolicy(Map.of("MG1103", Optional.empty()), List.of())
                        .apply(List.of(merged), List.of())
                        .findings())
                .isEmpty();
        assertThat(new FindingPolicy(Map.of(), List.of(new Suppression("IST0106", null, null, "webhook codes")))
                        .apply(List.of(merged), List.of())
                        .suppressed())
                .isEqualTo(1);
        // Another code's override leaves it alone; its own code's severity still applies.
        assertThat(new FindingPolicy(Map.of("MG1202", Optional.of(Severity.WARNING)), List.of())
                        .apply(List.of(merged), List.of())
                        .findings())
                .extracting(Finding::severity)
                .containsExactly(Severity.WARNING);
    }
}
