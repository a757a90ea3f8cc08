package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.Resource;
import dev.meshgate.testing.TreeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the declaring Application or Flux Kustomization adds to a kustomize build is applied, as Argo CD and Flux do. */
class KustomizeOptionsTest {

    @TempDir
    Path repository;

    private void write(String file, String text) throws IOException {
        TreeFiles.write(repository, file, text);
    }

    private List<Resource> rendered() throws IOException {
        return OneApplication.rendered(repository);
    }

    @Test
    void anArgoApplicationsNamePrefixNamespaceAndLabelsAreApplied() throws IOException {
        write("app/kustomization.yaml", "resources:\n  - service.yaml\n");
        write(
                "app/service.yaml",
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n");
        write(
                "argocd/app.yaml",
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: web, namespace: argocd}
                spec:
                  source:
                    repoURL: https://git.example.com/acme/mesh.git
                    path: app
                    kustomize:
                      namePrefix: prod-
                      namespace: shop
                      commonLabels: {team: checkout}
                  destination: {namespace: elsewhere}
                """);

        Resource service = rendered().get(0);

        assertThat(service.name()).isEqualTo("prod-web");
        assertThat(service.namespace()).isEqualTo("shop");
        assertThat(service.labels()).containsEntry("team", "checkout");
        assertThat(service.origin("/spec/ports/0/port").toString()).isEqualTo("app/service.yaml:7:7");
    }

    @Test
    void withoutDeclarationsTheFoldersOfMeshgateYamlAreTheApplications() throws IOException {
        write("apps/web/kustomization.yaml", "namespace: web\nresources:\n  - service.yaml\n");
        write(
                "apps/web/service.yaml",
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n");
        write(
                "apps/other/service.yaml",
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: other\nspec:\n  ports:\n    - port: 80\n");

        List<RenderedApplication> applications = new Rendering(RenderLimits.defaults(), LoadLimits.defaults())
                .renderAll(repository, Optional.empty(), "default", List.of("apps/web"));

        assertThat(applications).singleElement().satisfies(application -> {
            assertThat(application.source().type()).isEqualTo(SourceType.KUSTOMIZE);
            assertThat(application.loaded().resources())
                    .extracting(Resource::namespace)
                    .containsExactly("web");
        });
    }

    @Test
    void aFluxTargetNamespaceMovesEveryObject() throws IOException {
        write("app/kustomization.yaml", "resources:\n  - service.yaml\n");
        write(
                "app/service.yaml",
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: dev\n"
                        + "spec:\n  ports:\n    - port: 80\n");
        write(
                "clusters/prod/web.yaml",
                """
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: web, namespace: flux-system}
                spec:
                  path: ./app
                  targetNamespace: production
                  sourceRef: {kind: GitRepository, name: platform}
                """);

        assertThat(rendered().get(0).namespace()).isEqualTo("production");
    }
}
