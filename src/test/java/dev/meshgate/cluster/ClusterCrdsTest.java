package dev.meshgate.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.cli.MeshgateCommand;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster's CRDs (the fabric8 mock server in CRUD mode) judge structure when the repository ships none, and an
 * inventory exported from the cluster carries them, those of other groups left out.
 */
class ClusterCrdsTest {

    @TempDir
    Path temp;

    private CrudCluster mock;
    private KubernetesClient client;

    private static String fixture(String name) throws IOException {
        try (InputStream in = ClusterCrdsTest.class.getResourceAsStream("/crds/small/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void cluster() throws IOException {
        mock = CrudCluster.start();
        client = mock.client();
        CustomResourceDefinition crd = client.getKubernetesSerialization()
                .unmarshal(fixture("virtualservice-crd.yaml"), CustomResourceDefinition.class);
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        client.apiextensions()
                .v1()
                .customResourceDefinitions()
                .resource(new CustomResourceDefinitionBuilder()
                        .withNewMetadata()
                        .withName("certificates.cert-manager.io")
                        .endMetadata()
                        .withNewSpec()
                        .withGroup("cert-manager.io")
                        .withNewNames()
                        .withKind("Certificate")
                        .withPlural("certificates")
                        .endNames()
                        .withScope("Namespaced")
                        .addNewVersion()
                        .withName("v1")
                        .withServed(true)
                        .withStorage(true)
                        .endVersion()
                        .endSpec()
                        .build())
                .create();
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    private Path repository() throws IOException {
        Path repository = Files.createDirectories(temp.resolve("repo"));
        Files.writeString(repository.resolve("broken.yaml"), fixture("broken.yaml"));
        return repository;
    }

    @Test
    void theClustersCrdsJudgeStructure() throws Exception {
        LiveCluster cluster = new LiveCluster(client, List.of(), Duration.ofSeconds(30), Clock.systemUTC());
        assertThat(cluster.resources())
                .filteredOn(resource -> resource.kind().kind().equals("CustomResourceDefinition"))
                .extracting(resource -> resource.name())
                .containsExactly("virtualservices.networking.istio.io");

        dev.meshgate.validation.ValidationResult result = dev.meshgate.validation.RepositoryValidation.validate(
                repository(),
                dev.meshgate.validation.ValidationOptions.defaults()
                        .reading(dev.meshgate.validation.ValidationOptions.Input.PLAIN)
                        .lookingUpIn(cluster));

        assertThat(result.report().findings())
                .extracting(finding -> finding.code() + " " + finding.text())
                .contains("MG1202 spec.targetPort: Invalid value: port 70000 is out of range");
        assertThat(result.notes())
                .contains("structure checked against the CRDs of " + cluster.describe()
                        + " (Istio 1.99.0): VirtualService");
    }

    @Test
    void anInventoryCarriesTheIstioCrds() throws Exception {
        Path kubeconfig = mock.kubeconfig(temp.resolve("kubeconfig"));
        Path inventory = temp.resolve("inventory.yaml");
        int exported = MeshgateCommand.execute(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                "inventory",
                "--kubeconfig",
                kubeconfig.toString(),
                "-o",
                inventory.toString());
        StringWriter out = new StringWriter();
        int validated = MeshgateCommand.execute(
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true),
                "validate",
                "--plain",
                "--inventory",
                inventory.toString(),
                repository().toString());

        assertThat(exported).isZero();
        assertThat(Files.readString(inventory))
                .contains("name: virtualservices.networking.istio.io", "x-kubernetes-validations")
                .doesNotContain("cert-manager.io");
        assertThat(validated).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("MG1202", "port 70000 is out of range");
    }
}
