package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadProblem;
import dev.meshgate.testing.TreeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application's folder is built as it is, as Argo CD and Flux build it, through the real kubectl kustomize: its own
 * sort order holds (also through the wrapper that carries an application's options), and kustomize's error names the
 * folder's files without a wrapper's layer.
 */
class KustomizeFolderBuildTest {

    private static final String RESOURCES =
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews}
            spec: {hosts: [reviews]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: reviews}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            """;

    @TempDir
    Path repository;

    private List<String> kindsInOrder(String kustomization) throws IOException {
        TreeFiles.write(repository, "kustomization.yaml", kustomization);
        TreeFiles.write(repository, "all.yaml", RESOURCES);
        return OneApplication.rendered(repository).stream()
                .map(resource -> resource.kind().kind())
                .toList();
    }

    @Test
    void theFoldersOwnSortOrderHolds() throws IOException {
        assertThat(kindsInOrder("resources: [all.yaml]\nsortOptions: {order: fifo}\n"))
                .containsExactly("VirtualService", "Service", "Namespace");
    }

    @Test
    void withoutSortOptionsKustomizesOwnOrderHolds() throws IOException {
        assertThat(kindsInOrder("resources: [all.yaml]\n")).containsExactly("Namespace", "Service", "VirtualService");
    }

    @Test
    void aWrapperForAnApplicationsOptionsKeepsTheFoldersSortOrder() throws IOException {
        TreeFiles.write(repository, "app/kustomization.yaml", "resources: [all.yaml]\nsortOptions: {order: fifo}\n");
        TreeFiles.write(repository, "app/all.yaml", RESOURCES);
        TreeFiles.write(
                repository,
                "argocd/app.yaml",
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: shop, namespace: argocd}
                spec:
                  source:
                    repoURL: https://git.example.com/acme/mesh.git
                    path: app
                    kustomize: {namePrefix: prod-}
                  destination: {namespace: shop}
                """);

        assertThat(OneApplication.rendered(repository))
                .extracting(resource -> resource.kind().kind() + " " + resource.name())
                .containsExactly("VirtualService prod-reviews", "Service prod-reviews", "Namespace shop");
    }

    @Test
    void kustomizesErrorNamesTheFoldersFileAsKustomizeBuildDoes() throws IOException {
        TreeFiles.write(repository, "app/kustomization.yaml", "resources: [missing.yaml]\n");

        RenderedApplication rendered = new Rendering(RenderLimits.defaults(), LoadLimits.defaults())
                .render(repository, Source.of(SourceType.KUSTOMIZE, "app"), "default");

        assertThat(rendered.loaded().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.type()).isEqualTo(LoadProblem.Type.RENDER_FAILED);
            assertThat(problem.detail())
                    .contains("accumulating resources from 'missing.yaml'")
                    .doesNotContain("recursed accumulation");
        });
    }
}
