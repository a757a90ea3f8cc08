package dev.meshgate.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.analysis.Finding;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.render.RenderLimits;
import dev.meshgate.render.RenderedApplication;
import dev.meshgate.render.Rendering;
import dev.meshgate.validation.ManifestValidation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gateway API references the repository leaves open, looked up in a cluster (the fabric8 mock server in CRUD mode):
 * the platform team's Kubernetes Gateway and the ReferenceGrant of another team's namespace.
 */
class ClusterGatewayApiTest {

    private static final String ROUTE =
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: storefront, namespace: shop}
            spec:
              parentRefs:
              - {name: public, namespace: istio-ingress}
              - {name: private, namespace: istio-ingress}
              rules:
              - backendRefs:
                - {name: ratings, namespace: bookinfo, port: 9080}
                - {name: reviews, namespace: bookinfo, port: 9080}
            """;

    @TempDir
    Path temp;

    private CrudCluster mock;
    private KubernetesClient client;
    private Path repository;

    @BeforeEach
    void cluster() throws IOException {
        mock = CrudCluster.start();
        client = mock.client();
        for (String namespace : List.of("bookinfo", "istio-ingress")) {
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(namespace)
                            .endMetadata()
                            .build())
                    .create();
        }
        for (String name : List.of("ratings", "reviews")) {
            client.services()
                    .inNamespace("bookinfo")
                    .resource(new ServiceBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .withNamespace("bookinfo")
                            .endMetadata()
                            .withNewSpec()
                            .addNewPort()
                            .withName("http")
                            .withPort(9080)
                            .endPort()
                            .endSpec()
                            .build())
                    .create();
        }
        create(
                "v1",
                "Gateway",
                "istio-ingress",
                "public",
                Map.of(
                        "gatewayClassName",
                        "istio",
                        "listeners",
                        List.of(Map.of(
                                "name",
                                "http",
                                "port",
                                80,
                                "protocol",
                                "HTTP",
                                "allowedRoutes",
                                Map.of("namespaces", Map.of("from", "All"))))));
        create(
                "v1beta1",
                "ReferenceGrant",
                "bookinfo",
                "shop-to-ratings",
                Map.of(
                        "from",
                        List.of(Map.of("group", "gateway.networking.k8s.io", "kind", "HTTPRoute", "namespace", "shop")),
                        "to",
                        List.of(Map.of("group", "", "kind", "Service", "name", "ratings"))));
        repository = Files.createDirectories(temp.resolve("repo"));
        Files.writeString(repository.resolve("route.yaml"), ROUTE);
    }

    private void create(String version, String kind, String namespace, String name, Map<String, Object> spec) {
        ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
                .withGroup("gateway.networking.k8s.io")
                .withVersion(version)
                .withKind(kind)
                .withPlural(kind.toLowerCase(java.util.Locale.ROOT) + "s")
                .withNamespaced(true)
                .build();
        client.genericKubernetesResources(context)
                .inNamespace(namespace)
                .resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("gateway.networking.k8s.io/" + version)
                        .withKind(kind)
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .endMetadata()
                        .addToAdditionalProperties("spec", spec)
                        .build())
                .create();
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    private List<String> findings(List<dev.meshgate.manifest.Resource> outside) throws IOException {
        List<RenderedApplication> applications = new Rendering(RenderLimits.defaults(), LoadLimits.defaults())
                .renderAll(repository, Optional.empty(), "default");
        return new ManifestValidation()
                .reportApplications(applications, outside).findings().stream()
                        .filter(finding -> finding.code().startsWith("MG2"))
                        .map(ClusterGatewayApiTest::line)
                        .toList();
    }

    private static String line(Finding finding) {
        return finding.code() + " " + finding.origin().line();
    }

    @Test
    void withoutTheClusterTheGatewaysAndGrantsOfOtherNamespacesAreUnverified() throws IOException {
        assertThat(findings(List.of())).containsExactlyInAnyOrder("MG2003 6", "MG2003 7", "MG2003 10", "MG2003 11");
    }

    @Test
    void theClusterResolvesTheSharedGatewayAndTheGrantAndCallsWhatItLacksMissing() throws Exception {
        LiveCluster cluster = new LiveCluster(client, List.of(), Duration.ofSeconds(30), Clock.systemUTC());

        // The public Gateway and the grant for ratings are in the cluster; the private Gateway and a grant for
        // reviews are not, in namespaces the cluster holds.
        assertThat(findings(cluster.resources())).containsExactlyInAnyOrder("MG2101 7", "MG2104 11");
    }
}
