package dev.meshgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each folder of deploy/ builds with the real {@code kubectl kustomize}, and meshgate's own validate passes on it. */
class DeployManifestsTest {

    @TempDir
    Path temp;

    private static String kustomize(String folder) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        "kubectl", "kustomize", Path.of("deploy", folder).toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "cluster-lookups", "argocd", "flux", "ha", "monitoring"})
    void theFolderBuildsAndPassesMeshgatesOwnValidation(String folder) throws Exception {
        Path rendered = Files.writeString(temp.resolve(folder + ".yaml"), kustomize(folder));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = MeshgateCommand.execute(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "validate",
                "--fail-on",
                "warning",
                rendered.toString());

        assertThat(exit).as(out + "\n" + err).isZero();
    }

    @Test
    void theHighlyAvailableOverlayRunsTwoReplicasOnTwoNodesOnTheSharedStore() throws Exception {
        String manifests = kustomize("ha");

        assertThat(manifests)
                .contains("replicas: 2", "type: RollingUpdate", "maxSurge: 0")
                .contains("podAntiAffinity:", "requiredDuringSchedulingIgnoredDuringExecution:")
                .contains("topologyKey: kubernetes.io/hostname")
                .contains("minAvailable: 1")
                .contains("MESHGATE_STORE_JDBC_URL", "MESHGATE_STORE_USERNAME", "MESHGATE_STORE_PASSWORD_FILE")
                .contains("name: meshgate-store", "kind: PrometheusRule", "kind: ServiceMonitor")
                .contains("grafana_dashboard: \"1\"", "path: /q/metrics");
        String budget = manifests.substring(manifests.indexOf("kind: PodDisruptionBudget"));
        assertThat(budget.substring(0, budget.indexOf("---")))
                .as("a budget takes minAvailable or maxUnavailable, never both")
                .doesNotContain("maxUnavailable");
        assertThat(kustomize("base")).contains("replicas: 1", "type: Recreate").doesNotContain("meshgate-store");
    }

    @Test
    void theDashboardIsJsonOverMeshgatesMetricsAndTheAlertsUseThemToo() throws Exception {
        com.fasterxml.jackson.databind.JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Path.of("deploy/monitoring/dashboard.json").toFile());
        java.util.List<String> queries = new java.util.ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> queries.add(target.path("expr").asText())));
        String rules = Files.readString(Path.of("deploy/monitoring/prometheusrule.yaml"));

        assertThat(String.join("\n", queries))
                .contains(
                        "meshgate_webhook_deliveries_total",
                        "meshgate_runs_total",
                        "meshgate_stage_duration_seconds_bucket",
                        "meshgate_queued_runs",
                        "meshgate_queue_oldest_age_seconds",
                        "meshgate_status_posts_total",
                        "meshgate_mirror_cache_hits_total",
                        "meshgate_mirror_cache_misses_total",
                        "meshgate_mirror_cache_size_bytes",
                        "meshgate_render_failures_total",
                        "meshgate_store_operation_duration_seconds_bucket");
        assertThat(rules).contains("MeshgateNoVerdict", "MeshgateQueueStalled", "MeshgateStatusPostsFailing");
    }

    @Test
    void theServiceRunsLockedDown() throws Exception {
        String manifests = kustomize("base");

        assertThat(manifests)
                .contains("runAsNonRoot: true", "readOnlyRootFilesystem: true", "allowPrivilegeEscalation: false")
                .contains("readinessProbe:", "livenessProbe:", "kind: PodDisruptionBudget", "kind: NetworkPolicy")
                .contains("automountServiceAccountToken: false");
    }
}
