package dev.meshgate.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshgate.forge.FakeForges;
import dev.meshgate.forge.RecordingForgeApi;
import dev.meshgate.intake.HmacSignature;
import dev.meshgate.intake.WebhookFixtures;
import dev.meshgate.intake.WebhookTestSecret;
import dev.meshgate.runs.RunsOverHttp;
import dev.meshgate.runs.SampleRepository;
import dev.meshgate.runs.TemporaryDataDirectory;
import dev.meshgate.testing.GitCommandLine;
import dev.meshgate.testing.GitDaemon;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real signed deliveries to the running service, real runs against a real git server, statuses to the recording
 * forge: each moves the metrics on {@code /q/metrics} as a dashboard would read them.
 */
@QuarkusTest
@QuarkusTestResource(TemporaryDataDirectory.class)
@QuarkusTestResource(WebhookTestSecret.class)
@QuarkusTestResource(FakeForges.class)
class ServiceMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> NONE = Map.of();

    RecordingForgeApi forgeApi;

    @TempDir
    Path temp;

    private GitDaemon daemon;

    @BeforeEach
    void serve() throws IOException {
        daemon = GitDaemon.serve(Files.createDirectories(temp.resolve("served")));
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    private static Map<String, String> stage(String name) {
        return Map.of("stage", name);
    }

    private static Map<String, String> github(String key, String value) {
        return Map.of("forge", "github", key, value);
    }

    /** Pushes the sample's one commit of a new served repository; returns the commit. */
    private String served(String sample, String name) throws IOException {
        Path repository = SampleRepository.create(temp.resolve("served").resolve(name), sample);
        return new GitCommandLine(repository).run("rev-parse", "HEAD");
    }

    /** Delivers GitHub's push of the commit to main, signed; returns the run's id. */
    private String push(String name, String sha, String deliveryId, int expectedStatus) throws IOException {
        ObjectNode payload =
                (ObjectNode) JSON.readTree(WebhookFixtures.bytes("github/push_branch-update.go-playground.json"));
        payload.put("after", sha);
        payload.put("ref", "refs/heads/main");
        ObjectNode repo = (ObjectNode) payload.path("repository");
        repo.put("full_name", "acme/" + name);
        repo.put("clone_url", daemon.url(name));
        byte[] body = JSON.writeValueAsBytes(payload);
        String signature = "sha256="
                + HexFormat.of()
                        .formatHex(HmacSignature.hmac(body, WebhookTestSecret.SECRET.getBytes(StandardCharsets.UTF_8)));
        return given().header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", deliveryId)
                .header("X-Hub-Signature-256", signature)
                .contentType("application/json")
                .body(body)
                .post("/webhooks/github")
                .then()
                .statusCode(expectedStatus)
                .extract()
                .path("runs[0].runId");
    }

    @Test
    void aPassingPushCountsItsDeliveryItsRunEachStageItsPostsAndAMirrorMiss() throws Exception {
        String sha = served("valid-mesh", "counted");
        String delivery = UUID.randomUUID().toString();
        Exposition before = Exposition.scrape();

        String runId = push("counted", sha, delivery, 202);
        assertThat(RunsOverHttp.awaitFinal(runId).getString("state")).isEqualTo("PASSED");
        double posted = before.value("meshgate_status_posts_total", github("result", "posted"));
        Exposition after =
                Exposition.awaitUntil("meshgate_status_posts_total", github("result", "posted"), v -> v >= posted + 2);

        assertThat(after.increaseSince(before, "meshgate_webhook_deliveries_total", github("answer", "accepted")))
                .isEqualTo(1);
        assertThat(after.increaseSince(before, "meshgate_runs_total", Map.of("outcome", "passed")))
                .isEqualTo(1);
        for (String stage : new String[] {"checkout", "render", "analysis"}) {
            assertThat(after.increaseSince(before, "meshgate_stage_duration_seconds_count", stage(stage)))
                    .as(stage)
                    .isEqualTo(1);
            assertThat(after.value("meshgate_stage_duration_seconds_sum", stage(stage)))
                    .as(stage)
                    .isGreaterThan(before.value("meshgate_stage_duration_seconds_sum", stage(stage)));
        }
        assertThat(after.increaseSince(before, "meshgate_stage_duration_seconds_count", stage("post")))
                .as("pending, success and the check run")
                .isGreaterThanOrEqualTo(2);
        assertThat(after.increaseSince(before, "meshgate_mirror_cache_misses_total"))
                .isEqualTo(1);
        assertThat(after.value("meshgate_mirror_cache_size_bytes")).isPositive();
        assertThat(after.increaseSince(
                        before, "meshgate_store_operation_duration_seconds_count", Map.of("operation", "write")))
                .as("accepted, started, finished")
                .isGreaterThanOrEqualTo(3);
        assertThat(after.value("meshgate_stage_duration_seconds_bucket", Map.of("stage", "render", "le", "+Inf")))
                .isEqualTo(after.value("meshgate_stage_duration_seconds_count", stage("render")));

        push("counted", sha, delivery, 202);
        Exposition redelivered = Exposition.awaitUntil(
                "meshgate_webhook_deliveries_total",
                github("answer", "duplicate"),
                v -> v > after.value("meshgate_webhook_deliveries_total", github("answer", "duplicate")));
        assertThat(redelivered.increaseSince(after, "meshgate_webhook_deliveries_total", github("answer", "duplicate")))
                .isEqualTo(1);
        assertThat(redelivered.value("meshgate_runs_total", Map.of("outcome", "passed")))
                .isEqualTo(after.value("meshgate_runs_total", Map.of("outcome", "passed")));
    }

    @Test
    void aCommitTheMirrorAlreadyHoldsIsAHit() throws Exception {
        Path repository = SampleRepository.create(temp.resolve("served/twice"), "valid-mesh");
        GitCommandLine git = new GitCommandLine(repository);
        String first = git.run("rev-parse", "HEAD");
        git.run("commit", "-q", "--allow-empty", "-m", "second");
        String second = git.run("rev-parse", "HEAD");
        String latest = push("twice", second, UUID.randomUUID().toString(), 202);
        assertThat(RunsOverHttp.awaitFinal(latest).getString("state")).isEqualTo("PASSED");
        Exposition before = Exposition.scrape();

        // The first fetch brought the older commit along: checking it out needs no fetch.
        String older = push("twice", first, UUID.randomUUID().toString(), 202);
        assertThat(RunsOverHttp.awaitFinal(older).getString("state")).isEqualTo("PASSED");
        Exposition after = Exposition.awaitUntil(
                "meshgate_mirror_cache_hits_total", NONE, v -> v > before.value("meshgate_mirror_cache_hits_total"));

        assertThat(after.increaseSince(before, "meshgate_mirror_cache_hits_total"))
                .isEqualTo(1);
        assertThat(after.value("meshgate_mirror_cache_misses_total"))
                .isEqualTo(before.value("meshgate_mirror_cache_misses_total"));
    }

    @Test
    void anApplicationThatDoesNotRenderIsARenderFailureAndAFailedRun() throws Exception {
        Path repository = Files.createDirectories(temp.resolve("served/unrendered/app"));
        Files.writeString(repository.resolve("kustomization.yaml"), "resources:\n  - missing.yaml\n");
        GitCommandLine git = new GitCommandLine(repository.getParent());
        git.run("init", "-q", "-b", "main");
        git.run("add", "-A");
        git.run("commit", "-q", "-m", "a kustomization without its resource");
        String sha = git.run("rev-parse", "HEAD");
        Exposition before = Exposition.scrape();

        String runId = push("unrendered", sha, UUID.randomUUID().toString(), 202);
        assertThat(RunsOverHttp.awaitFinal(runId).getString("state")).isEqualTo("FAILED");
        Exposition after = Exposition.awaitUntil(
                "meshgate_runs_total",
                Map.of("outcome", "failed"),
                v -> v > before.value("meshgate_runs_total", Map.of("outcome", "failed")));

        assertThat(after.increaseSince(before, "meshgate_render_failures_total"))
                .isEqualTo(1);
        assertThat(after.increaseSince(before, "meshgate_runs_total", Map.of("outcome", "failed")))
                .isEqualTo(1);
    }

    @Test
    void aForgeFailureIsARetryAndARateLimitIsAWait() throws Exception {
        String sha = served("valid-mesh", "flaky");
        String statuses = "/github/repos/acme/flaky/statuses/";
        forgeApi.answerNext(statuses, 500, Map.of(), "{\"message\": \"down\"}");
        forgeApi.answerNext(statuses, 429, Map.of("Retry-After", "0"), "{\"message\": \"slow down\"}");
        Exposition before = Exposition.scrape();

        String runId = push("flaky", sha, UUID.randomUUID().toString(), 202);
        assertThat(RunsOverHttp.awaitFinal(runId).getString("state")).isEqualTo("PASSED");
        Exposition after = Exposition.awaitUntil(
                "meshgate_status_posts_total",
                github("result", "rate_limited"),
                v -> v > before.value("meshgate_status_posts_total", github("result", "rate_limited")));

        assertThat(after.increaseSince(before, "meshgate_status_posts_total", github("result", "retry")))
                .isEqualTo(1);
        assertThat(after.increaseSince(before, "meshgate_status_posts_total", github("result", "rate_limited")))
                .isEqualTo(1);
    }

    @Test
    void refusedAndMisaddressedDeliveriesAreCountedWithoutWhatTheSenderWrote() throws Exception {
        Exposition before = Exposition.scrape();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        given().header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", "sha256=00")
                .contentType("application/json")
                .body(body)
                .post("/webhooks/github")
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .body(body)
                .post("/webhooks/no-such-forge-1234")
                .then()
                .statusCode(404);
        Exposition after = Exposition.awaitUntil(
                "meshgate_webhook_deliveries_total",
                Map.of("forge", "unknown", "answer", "unknown_forge"),
                v -> v
                        > before.value(
                                "meshgate_webhook_deliveries_total",
                                Map.of("forge", "unknown", "answer", "unknown_forge")));

        assertThat(after.increaseSince(before, "meshgate_webhook_deliveries_total", github("answer", "unauthorized")))
                .isEqualTo(1);
        assertThat(after.text()).doesNotContain("no-such-forge-1234");
        assertThat(after.text()).as("no run outcome is missing its series").contains("outcome=\"error\"");
    }

    @Test
    void noLabelHoldsACommitOrAnAddress() {
        Exposition scraped = Exposition.scrape();

        assertThat(scraped.text().lines().filter(line -> line.startsWith("meshgate_")))
                .isNotEmpty()
                .noneMatch(line -> line.matches(".*[0-9a-f]{40}.*"))
                .noneMatch(line -> line.contains("://"));
    }
}
