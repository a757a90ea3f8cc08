package dev.meshgate.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshgate.analysis.Finding;
import dev.meshgate.cli.MeshgateCommand;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.Resource;
import dev.meshgate.render.RenderLimits;
import dev.meshgate.render.RenderedApplication;
import dev.meshgate.render.Rendering;
import dev.meshgate.report.Report;
import dev.meshgate.validation.ManifestValidation;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * References the repository leaves open, looked up in a cluster (the fabric8 mock server in CRUD mode) or in an
 * inventory exported from it.
 */
class ClusterLookupTest {

    private static final String ROUTING =
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: shop
              namespace: shop
            spec:
              hosts: [shop.example.com]
              gateways: [web]
              http:
                - route:
                    - destination:
                        host: ratings.bookinfo.svc.cluster.local
                        port:
                          number: 9080
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: web
              namespace: shop
            spec:
              selector:
                istio: ingressgateway
              servers:
                - port: {number: 443, name: https, protocol: HTTPS}
                  hosts: ["shop.example.com"]
                  tls:
                    mode: SIMPLE
                    credentialName: shop-cert
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
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("bookinfo")
                        .addToLabels("istio-injection", "enabled")
                        .endMetadata()
                        .build())
                .create();
        client.services()
                .inNamespace("bookinfo")
                .resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withName("ratings")
                        .withNamespace("bookinfo")
                        .endMetadata()
                        .withNewSpec()
                        .addToSelector("app", "ratings")
                        .addNewPort()
                        .withName("http")
                        .withPort(9080)
                        .endPort()
                        .endSpec()
                        .build())
                .create();
        client.secrets()
                .inNamespace("shop")
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("shop-cert")
                        .withNamespace("shop")
                        .endMetadata()
                        .withType("kubernetes.io/tls")
                        .addToData("tls.key", "c2VjcmV0LWtleQ==")
                        .build())
                .create();
        client.apps()
                .deployments()
                .inNamespace("shop")
                .resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName("shop-gateway")
                        .withNamespace("shop")
                        .endMetadata()
                        .withNewSpec()
                        .withNewSelector()
                        .addToMatchLabels("istio", "ingressgateway")
                        .endSelector()
                        .withNewTemplate()
                        .withNewMetadata()
                        .addToLabels("istio", "ingressgateway")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("istio-proxy")
                        .withImage("auto")
                        .endContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec()
                        .build())
                .create();
        repository = Files.createDirectories(temp.resolve("repo"));
        Files.writeString(repository.resolve("routing.yaml"), ROUTING);
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    private Report validate(List<Resource> outside) throws IOException {
        List<RenderedApplication> applications = new Rendering(RenderLimits.defaults(), LoadLimits.defaults())
                .renderAll(repository, Optional.empty(), "default");
        return new ManifestValidation().reportApplications(applications, outside);
    }

    @Test
    void withoutTheClusterReferencesIntoNamespacesTheRepositoryDoesNotManageAreUnverified() throws IOException {
        Report report = validate(List.of());

        assertThat(report.findings()).extracting(Finding::code).containsOnly("MG2003");
        assertThat(report.findings()).extracting(Finding::text).anySatisfy(text -> assertThat(text)
                .contains("ratings.bookinfo.svc.cluster.local", "declares nothing in namespace bookinfo"));
        assertThat(report.summary().passed()).isTrue();
    }

    @Test
    void aNamespaceTheClusterHoldsWasConsultedSoWhatItLacksThereIsMissing() throws Exception {
        Files.writeString(
                repository.resolve("more.yaml"),
                """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: details, namespace: shop}
                spec:
                  hosts: [details]
                  http:
                    - match: [{uri: {prefix: /v1}}]
                      route:
                        - destination: {host: details.bookinfo.svc.cluster.local}
                    - route:
                        - destination: {host: search.other-team.svc.cluster.local}
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: admin, namespace: web}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                    - port: {number: 443, name: https, protocol: HTTPS}
                      hosts: ["admin.example.com"]
                      tls: {mode: SIMPLE, credentialName: admin-cert}
                """);
        LiveCluster cluster = new LiveCluster(client, List.of("shop"), Duration.ofSeconds(30), Clock.systemUTC());

        List<String> findings = validate(cluster.resources()).findings().stream()
                .map(finding -> finding.code() + " " + finding.text())
                .toList();

        // bookinfo and shop (its Secrets listed) are in the cluster; other-team is in neither.
        assertThat(findings)
                .containsExactlyInAnyOrder(
                        "IST0101 Referenced host not found: \"details.bookinfo.svc.cluster.local\"",
                        "IST0101 Referenced credentialName not found: \"shop/admin-cert\"",
                        "MG2003 Referenced host \"search.other-team.svc.cluster.local\" is not verified: the input"
                                + " declares nothing in namespace other-team, and the cluster view holds nothing in"
                                + " it; declare it in knownHosts (.meshgate.yaml) or check it with an inventory"
                                + " (validate --inventory) or cluster look-ups (meshgate.cluster)");
    }

    @Test
    void theClusterResolvesWhatTheRepositoryLeavesOpenAndIsNotReportedOn() throws Exception {
        LiveCluster cluster = new LiveCluster(client, List.of("shop"), Duration.ofSeconds(30), Clock.systemUTC());

        Report report = validate(cluster.resources());

        assertThat(report.findings()).extracting(Finding::code).doesNotContain("IST0101");
        assertThat(report.summary().passed()).isTrue();
        assertThat(report.summary().resources()).isEqualTo(2);
        assertThat(cluster.resources())
                .filteredOn(resource -> resource.kind().kind().equals("Secret"))
                .singleElement()
                .satisfies(secret -> assertThat(secret.body().has("data")).isFalse());
    }

    @Test
    void anUnreachableClusterSaysSoRatherThanCallingReferencesMissing() {
        mock.stop();
        LiveCluster cluster = new LiveCluster(client, List.of("shop"), Duration.ofSeconds(30), Clock.systemUTC());

        assertThatThrownBy(cluster::resources)
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessageContaining("could not be read");
    }

    @Test
    void anExportedInventoryStandsInForTheClusterAndHoldsNoSecretData() throws Exception {
        Path kubeconfig = mock.kubeconfig(temp.resolve("kubeconfig"));
        Path inventory = temp.resolve("inventory.yaml");

        int exported = MeshgateCommand.execute(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                "inventory",
                "--kubeconfig",
                kubeconfig.toString(),
                "--secret-namespaces",
                "shop",
                "-o",
                inventory.toString());
        StringWriter out = new StringWriter();
        int validated = MeshgateCommand.execute(
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true),
                "validate",
                "--inventory",
                inventory.toString(),
                repository.toString());

        assertThat(exported).isZero();
        assertThat(Files.readString(inventory))
                .contains("name: ratings", "name: shop-cert", "kubernetes.io/tls")
                .doesNotContain("c2VjcmV0LWtleQ==", "tls.key");
        assertThat(validated).as(out.toString()).isZero();
        assertThat(new InventoryFile(inventory).resources())
                .extracting(resource -> resource.kind().kind())
                .contains("Service", "Namespace", "Deployment", "Secret");
    }
}
