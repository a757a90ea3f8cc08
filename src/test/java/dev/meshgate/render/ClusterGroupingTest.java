package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.analysis.Finding;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.validation.ManifestValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applications meet only when they go to the same cluster: only there is the same object twice a conflict. */
class ClusterGroupingTest {

    private static final String SERVICE =
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  ports:\n    - port: 80\n";

    @TempDir
    Path repository;

    private void write(String file, String text) throws IOException {
        Path path = repository.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private List<String> codes() throws IOException {
        List<RenderedApplication> applications = new Rendering(RenderLimits.defaults(), LoadLimits.defaults())
                .renderAll(repository, Optional.empty(), "default");
        return new ManifestValidation()
                .reportApplications(applications).findings().stream()
                        .map(Finding::code)
                        .toList();
    }

    private static String application(String name, String server) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: %s, namespace: argocd}
                spec:
                  source: {repoURL: https://git.example.com/acme/mesh.git, path: app}
                  destination: {server: "%s", namespace: shop}
                """
                .formatted(name, server);
    }

    @Test
    void overlaysForTwoClustersMayHoldTheSameObject() throws IOException {
        write("base/kustomization.yaml", "resources:\n  - service.yaml\n");
        write("base/service.yaml", SERVICE);
        write("overlays/eu/kustomization.yaml", "resources:\n  - ../../base\n");
        write("overlays/us/kustomization.yaml", "resources:\n  - ../../base\n");

        assertThat(codes()).doesNotContain("MG0006");
    }

    @Test
    void twoApplicationsDeployingTheSameObjectToOneClusterConflict() throws IOException {
        write("app/service.yaml", SERVICE);
        write("argocd/a.yaml", application("a", "https://kubernetes.default.svc"));
        write("argocd/b.yaml", application("b", "https://kubernetes.default.svc"));

        assertThat(codes()).contains("MG0006");
    }

    @Test
    void twoApplicationsToDifferentClustersDoNot() throws IOException {
        write("app/service.yaml", SERVICE);
        write("argocd/a.yaml", application("a", "https://eu.example.com"));
        write("argocd/b.yaml", application("b", "https://us.example.com"));

        assertThat(codes()).doesNotContain("MG0006");
    }
}
