package dev.meshgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.cluster.ArgoApplications;
import dev.meshgate.runs.SampleRepository;
import dev.meshgate.runs.TemporaryDataDirectory;
import dev.meshgate.testing.GitCommandLine;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PreSync hook's command against a live meshgate, reading the Application being synced from the fabric8
 * Kubernetes mock server in CRUD mode.
 */
@QuarkusTest
@QuarkusTestResource(TemporaryDataDirectory.class)
class GateCommandTest {

    @TestHTTPResource("/")
    URL meshgate;

    @TempDir
    Path temp;

    private KubernetesMockServer cluster;
    private KubernetesClient client;
    private Path kubeconfig;

    @BeforeEach
    void startCluster() throws IOException {
        cluster = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(List.of()), false);
        cluster.init();
        cluster.expectCustomResource(new CustomResourceDefinitionContext.Builder()
                .withGroup("argoproj.io")
                .withVersion("v1alpha1")
                .withKind("Application")
                .withPlural("applications")
                .withScope("Namespaced")
                .build());
        client = cluster.createClient();
        kubeconfig = Files.writeString(
                temp.resolve("kubeconfig"),
                """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster:
                      server: %s
                contexts:
                  - name: mock
                    context:
                      cluster: mock
                      user: hook
                current-context: mock
                users:
                  - name: hook
                    user:
                      token: not-checked
                """
                        .formatted(client.getMasterUrl()));
    }

    @AfterEach
    void stopCluster() {
        client.close();
        cluster.destroy();
    }

    /** An Application syncing the repository's HEAD, as Argo CD records it while its PreSync hooks run. */
    private void syncing(String name, Path repository, String sha) {
        GenericKubernetesResource application = new GenericKubernetesResourceBuilder()
                .withApiVersion("argoproj.io/v1alpha1")
                .withKind("Application")
                .withNewMetadata()
                .withName(name)
                .withNamespace("argocd")
                .endMetadata()
                .withAdditionalProperties(Map.of(
                        "spec",
                                Map.of(
                                        "source",
                                        Map.of("repoURL", repository.toUri().toString(), "path", ".")),
                        "status",
                                Map.of("operationState", Map.of("operation", Map.of("sync", Map.of("revision", sha))))))
                .build();
        client.genericKubernetesResources(ArgoApplications.APPLICATIONS)
                .inNamespace("argocd")
                .resource(application)
                .create();
    }

    private record Result(int exit, String out, String err) {}

    private Result gate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new java.util.ArrayList<>(List.of("gate", "--url", meshgate.toString()));
        all.addAll(List.of(args));
        int exit = MeshgateCommand.execute(
                new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    private String head(Path repository) {
        return new GitCommandLine(repository).run("rev-parse", "HEAD");
    }

    @Test
    void aPassingCommitLetsTheSyncGoOn() throws IOException {
        Path repository = SampleRepository.create(temp.resolve("valid"), "valid-mesh");
        syncing("shop", repository, head(repository));

        Result result = gate("--application", "shop", "--kubeconfig", kubeconfig.toString(), "--timeout", "90s");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("passed: no problems in", "/runs/");
    }

    @Test
    void aFailingCommitFailsTheHookWithTheSummaryAndReport() throws IOException {
        Path repository = SampleRepository.create(temp.resolve("broken"), "broken/subset-not-found");
        syncing("payments", repository, head(repository));

        Result result = gate("--application", "payments", "--kubeconfig", kubeconfig.toString(), "--timeout", "90s");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("failed: 1 error, 0 warnings in 8 files", "/runs/");
    }

    @Test
    void anUnknownCommitFailsClosedWhenRunsMustNotBeStarted() throws IOException {
        Path repository = SampleRepository.create(temp.resolve("unknown"), "valid-mesh");

        Result result = gate("--repo", repository.toUri().toString(), "--revision", head(repository), "--no-start");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("never validated");
    }

    @Test
    void aServiceThatCannotBeReachedIsNamedWithTheReason() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MeshgateCommand.execute(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "gate",
                "--url",
                "http://127.0.0.1:" + closedPort,
                "--repo",
                "https://git.example/a.git",
                "--revision",
                "abcdef1",
                "--timeout",
                "1s");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains("meshgate cannot be reached at http://127.0.0.1:" + closedPort + ": connection refused")
                .doesNotContain("null");
    }

    @Test
    void aMissingApplicationOrOneWithoutASyncIsAUsageError() throws IOException {
        Result missing = gate("--application", "nowhere", "--kubeconfig", kubeconfig.toString());
        GenericKubernetesResource idle = new GenericKubernetesResourceBuilder()
                .withApiVersion("argoproj.io/v1alpha1")
                .withKind("Application")
                .withNewMetadata()
                .withName("idle")
                .withNamespace("argocd")
                .endMetadata()
                .withAdditionalProperties(
                        Map.of("spec", Map.of("source", Map.of("repoURL", "https://git.example/a.git"))))
                .build();
        client.genericKubernetesResources(ArgoApplications.APPLICATIONS)
                .inNamespace("argocd")
                .resource(idle)
                .create();
        Result noSync = gate("--application", "idle", "--kubeconfig", kubeconfig.toString());

        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("there is no Application argocd/nowhere");
        assertThat(noSync.exit()).isEqualTo(2);
        assertThat(noSync.err()).contains("has no sync operation under way");
    }
}
