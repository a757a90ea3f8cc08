package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Application's Helm values in Argo CD's order: values files, then inline values, then parameters. */
class HelmValuesTest {

    @TempDir
    Path repository;

    @Test
    void parametersWinOverInlineValuesWhichWinOverValuesFiles() throws IOException {
        Path chart = Path.of("config-samples/rendered/helm-chart/charts/reviews");
        try (Stream<Path> files = Files.walk(chart)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = repository
                        .resolve("chart")
                        .resolve(chart.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Files.writeString(repository.resolve("canary.yaml"), "versions: [v1, v2, v3]\nroute:\n  subset: v3\n");
        Files.writeString(
                repository.resolve("app.yaml"),
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: reviews, namespace: argocd}
                spec:
                  source:
                    repoURL: https://git.example.com/acme/mesh.git
                    path: chart
                    helm:
                      valueFiles: [../canary.yaml]
                      values: |
                        route:
                          subset: v2
                      parameters:
                        - name: route.subset
                          value: v1
                  destination: {namespace: shop}
                """);

        List<RenderedApplication> applications = new Rendering(RenderLimits.defaults(), LoadLimits.defaults())
                .renderAll(repository, Optional.empty(), "default");

        List<Resource> resources = applications.get(0).loaded().resources();
        Resource route = resources.stream()
                .filter(resource -> resource.kind().kind().equals("VirtualService"))
                .findFirst()
                .orElseThrow();
        assertThat(route.at("/spec/http/0/route/0/destination/subset").asText()).isEqualTo("v1");
        assertThat(resources)
                .filteredOn(resource -> resource.kind().kind().equals("Deployment"))
                .hasSize(3);
    }
}
