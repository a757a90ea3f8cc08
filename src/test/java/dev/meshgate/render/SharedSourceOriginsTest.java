package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overlays of one base share the base's parsed files within a rendering (real kubectl kustomize): each overlay's
 * fields still point at the base's lines, or at what the overlay changed, and a base file changed between two
 * renderings by the same {@link Rendering} is read again.
 */
class SharedSourceOriginsTest {

    private static final String GATEWAY =
            """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: ingress}
            spec:
              selector: {istio: ingressgateway}
              servers:
                - port: {number: 80, name: http, protocol: HTTP}
                  hosts: ["*"]
            """;

    @TempDir
    Path repository;

    private final Rendering rendering = new Rendering(RenderLimits.defaults(), LoadLimits.defaults());

    private void write(String file, String text) throws IOException {
        Path path = repository.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    @BeforeEach
    void writeBaseAndTwoOverlays() throws IOException {
        write("base/kustomization.yaml", "resources: [gateway.yaml]\n");
        write("base/gateway.yaml", GATEWAY);
        write("dev/kustomization.yaml", "namespace: dev\nresources: [../base]\n");
        write(
                "prod/kustomization.yaml",
                """
                namespace: prod
                resources: [../base]
                patches:
                  - path: port.yaml
                """);
        write(
                "prod/port.yaml",
                """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: ingress}
                spec:
                  servers:
                    - port: {number: 8080, name: http, protocol: HTTP}
                      hosts: ["*"]
                """);
    }

    private Resource gatewayOf(String overlay) throws IOException {
        List<RenderedApplication> applications = rendering.renderAll(repository, Optional.empty(), "default");
        return applications.stream()
                .filter(application -> application.source().path().equals(overlay))
                .findFirst()
                .orElseThrow()
                .loaded()
                .resources()
                .get(0);
    }

    @Test
    void bothOverlaysPointAtTheBaseAndTheChangedOneAtItsPatch() throws IOException {
        Resource dev = gatewayOf("dev");
        Resource prod = gatewayOf("prod");

        assertThat(dev.origin("/spec/selector/istio").toString()).isEqualTo("base/gateway.yaml:5:14");
        assertThat(dev.origin("/spec/servers/0/port/number").toString()).isEqualTo("base/gateway.yaml:7:14");
        assertThat(prod.origin("/spec/selector/istio").toString()).isEqualTo("base/gateway.yaml:5:14");
        assertThat(prod.origin("/spec/servers/0/port/number").toString()).isEqualTo("prod/port.yaml:6:14");
        assertThat(dev.origin("/metadata/namespace").file()).isEqualTo("dev/kustomization.yaml");
    }

    @Test
    void aBaseFileChangedBetweenRenderingsIsReadAgain() throws IOException {
        assertThat(gatewayOf("dev").origin("/spec/selector/istio").toString()).isEqualTo("base/gateway.yaml:5:14");

        write("base/gateway.yaml", "# the ingress of every environment\n# owned by the platform team\n" + GATEWAY);

        assertThat(gatewayOf("dev").origin("/spec/selector/istio").toString()).isEqualTo("base/gateway.yaml:7:14");
    }
}
