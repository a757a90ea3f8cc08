package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.analysis.Finding;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.Resource;
import dev.meshgate.validation.ManifestValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A field that a patch of an overlay set points at the patch's line, through the real kubectl kustomize, whichever
 * way the overlay picks the resource: a JSON 6902 patch or a strategic merge patch chosen by a {@code target}.
 */
class PatchOriginsTest {

    @TempDir
    Path repository;

    private void write(String file, String text) throws IOException {
        Path path = repository.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    @BeforeEach
    void writeBaseAndOverlay() throws IOException {
        write("base/kustomization.yaml", "resources: [routing.yaml]\n");
        write(
                "base/routing.yaml",
                """
                apiVersion: v1
                kind: Service
                metadata: {name: reviews}
                spec:
                  selector: {app: reviews}
                  ports: [{name: http, port: 9080}]
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: reviews}
                spec:
                  host: reviews
                  subsets:
                    - name: v1
                      labels: {version: v1}
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: reviews}
                spec:
                  hosts: [reviews]
                  http:
                    - route:
                        - destination: {host: reviews, subset: v1}
                """);
        write(
                "prod/kustomization.yaml",
                """
                namespace: prod
                resources: [../base]
                patches:
                  - path: canary-subset.yaml
                    target: {group: networking.istio.io, kind: VirtualService, name: rev.*}
                  - path: traffic-policy.yaml
                    target: {kind: DestinationRule, name: reviews}
                """);
        write(
                "prod/canary-subset.yaml",
                """
                - op: replace
                  path: /spec/http/0/route/0/destination/subset
                  value: v3
                - op: add
                  path: /spec/http/0/timeout
                  value: 5s
                """);
        write(
                "prod/traffic-policy.yaml",
                """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: any-name-the-target-overrides}
                spec:
                  trafficPolicy:
                    tls: {mode: ISTIO_MUTUAL}
                """);
    }

    private List<RenderedApplication> render() throws IOException {
        return new Rendering(RenderLimits.defaults(), LoadLimits.defaults())
                .renderAll(repository, Optional.empty(), "default");
    }

    private Resource rendered(String kind) throws IOException {
        return render().get(0).loaded().resources().stream()
                .filter(resource -> resource.kind().kind().equals(kind))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aValueAJson6902PatchSetPointsAtTheOperationsValue() throws IOException {
        Resource vs = rendered("VirtualService");

        assertThat(vs.at("/spec/http/0/route/0/destination/subset").asText()).isEqualTo("v3");
        assertThat(vs.origin("/spec/http/0/route/0/destination/subset").toString())
                .isEqualTo("prod/canary-subset.yaml:3:3");
        assertThat(vs.origin("/spec/http/0/timeout").toString()).isEqualTo("prod/canary-subset.yaml:6:3");
        assertThat(vs.origin("/spec/hosts").file()).isEqualTo("base/routing.yaml");
    }

    @Test
    void aStrategicMergePatchChosenByTargetPointsAtItsOwnLines() throws IOException {
        Resource rule = rendered("DestinationRule");

        assertThat(rule.origin("/spec/trafficPolicy/tls/mode").toString()).isEqualTo("prod/traffic-policy.yaml:6:11");
        assertThat(rule.origin("/spec/subsets/0/name").file()).isEqualTo("base/routing.yaml");
    }

    @Test
    void theFindingOnThePatchedSubsetIsAtThePatchLine() throws IOException {
        List<Finding> findings =
                new ManifestValidation().reportApplications(render()).findings();

        assertThat(findings)
                .filteredOn(finding -> finding.code().equals("IST0101"))
                .extracting(finding -> finding.origin().toString())
                .containsExactly("prod/canary-subset.yaml:3:3");
    }
}
