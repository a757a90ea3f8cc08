package dev.meshgate.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshgate.forge.FakeForges;
import dev.meshgate.forge.RecordingForgeApi;
import dev.meshgate.runs.RunsOverHttp;
import dev.meshgate.runs.SampleRepository;
import dev.meshgate.runs.TemporaryDataDirectory;
import dev.meshgate.testing.GitCommandLine;
import dev.meshgate.testing.GitDaemon;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed deliveries over HTTP to the real endpoints, run against a real local repository. */
@QuarkusTest
@QuarkusTestResource(TemporaryDataDirectory.class)
@QuarkusTestResource(WebhookTestSecret.class)
@QuarkusTestResource(FakeForges.class)
class WebhookResourceTest {

    RecordingForgeApi forgeApi;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private GitDaemon daemon;

    @org.junit.jupiter.api.BeforeEach
    void serve() throws IOException {
        daemon = GitDaemon.serve(java.nio.file.Files.createDirectories(temp.resolve("served")));
    }

    @org.junit.jupiter.api.AfterEach
    void stop() {
        daemon.close();
    }

    /** GitHub's push payload, pointed at a served repository's commit. */
    private byte[] pushOf(Path repository, String sha) throws IOException {
        return pushOf(
                repository.getFileName().toString(),
                daemon.url(repository.getFileName().toString()),
                sha);
    }

    private byte[] pushOf(String name, String cloneUrl, String sha) throws IOException {
        ObjectNode payload =
                (ObjectNode) JSON.readTree(WebhookFixtures.bytes("github/push_branch-update.go-playground.json"));
        payload.put("after", sha);
        payload.put("ref", "refs/heads/main");
        ObjectNode repo = (ObjectNode) payload.path("repository");
        repo.put("full_name", "acme/" + name);
        repo.put("clone_url", cloneUrl);
        return JSON.writeValueAsBytes(payload);
    }

    private static String sign(byte[] body, String secret) {
        return "sha256=" + HexFormat.of().formatHex(HmacSignature.hmac(body, secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static RequestSpecification delivery(String event, String id, byte[] body) {
        return given().header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", id)
                .contentType("application/json")
                .body(body);
    }

    private String pushed(String sample, String name) throws IOException {
        Path repository = SampleRepository.create(temp.resolve("served").resolve(name), sample);
        return new GitCommandLine(repository).run("rev-parse", "HEAD");
    }

    @Test
    void aSignedPushIsAcceptedAtOnceAndItsRunPasses() throws Exception {
        String sha = pushed("valid-mesh", "valid");
        byte[] body = pushOf(temp.resolve("served/valid"), sha);

        String runId = delivery("push", "e2e-valid", body)
                .header("X-Hub-Signature-256", sign(body, WebhookTestSecret.SECRET))
                .post("/webhooks/github")
                .then()
                .statusCode(202)
                .header("Location", containsString("/runs/"))
                .body("runs[0].duplicate", equalTo(false))
                .body("runs[0].sha", equalTo(sha))
                .extract()
                .path("runs[0].runId");

        JsonPath run = RunsOverHttp.awaitFinal(runId);
        assertThat(run.getString("state")).isEqualTo("PASSED");
        assertThat(run.getString("revision.forge")).isEqualTo("GITHUB");
        assertThat(run.getString("revision.repository")).isEqualTo("acme/valid");
        assertThat(run.getList("deliveryIds")).containsExactly(WebhookIntake.deliveryKey("e2e-valid", body));
        List<RecordingForgeApi.Request> statuses =
                forgeApi.await("/github/repos/acme/valid/statuses/" + sha, 2, Duration.ofSeconds(20));
        assertThat(statuses)
                .extracting(
                        request -> JSON.readTree(request.body()).path("state").asText())
                .containsExactly("pending", "success");
        assertThat(JSON.readTree(statuses.get(1).body()).path("target_url").asText())
                .endsWith("/runs/" + runId);
    }

    @Test
    void aRedeliveryAnswersTheSameRun() throws Exception {
        String sha = pushed("broken/subset-not-found", "broken");
        byte[] body = pushOf(temp.resolve("served/broken"), sha);
        String signature = sign(body, WebhookTestSecret.SECRET);

        String first = delivery("push", "e2e-broken", body)
                .header("X-Hub-Signature-256", signature)
                .post("/webhooks/github")
                .then()
                .statusCode(202)
                .extract()
                .path("runs[0].runId");
        delivery("push", "e2e-broken", body)
                .header("X-Hub-Signature-256", signature)
                .post("/webhooks/github")
                .then()
                .statusCode(202)
                .body("runs[0].runId", equalTo(first))
                .body("runs[0].duplicate", equalTo(true));

        assertThat(RunsOverHttp.awaitFinal(first).getString("state")).isEqualTo("FAILED");
    }

    @Test
    void aForgedOrUnsignedDeliveryIs401AndStartsNothing() throws Exception {
        String sha = pushed("valid-mesh", "forged");
        byte[] body = pushOf(temp.resolve("served/forged"), sha);

        delivery("push", "e2e-forged", body)
                .header("X-Hub-Signature-256", sign(body, "a guess"))
                .post("/webhooks/github")
                .then()
                .statusCode(401)
                .body("error", containsString("does not match"));
        delivery("push", "e2e-unsigned", body)
                .post("/webhooks/github")
                .then()
                .statusCode(401)
                .body("error", containsString("not signed"));

        given().get("/api/v1/runs?sha=" + sha).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aDeliveryMayNotPointMeshgateAtItsOwnDisk() throws Exception {
        String sha = pushed("valid-mesh", "local");
        byte[] body = pushOf("local", temp.resolve("served/local").toUri().toString(), sha);

        delivery("push", "e2e-local", body)
                .header("X-Hub-Signature-256", sign(body, WebhookTestSecret.SECRET))
                .post("/webhooks/github")
                .then()
                .statusCode(400)
                .body("error", containsString("the scheme 'file:' is not one meshgate fetches from"));
        given().get("/api/v1/runs?sha=" + sha).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void pingsIgnoredEventsMalformedBodiesAndUnknownForgesGetClearAnswers() {
        byte[] ping = WebhookFixtures.bytes("github/ping_payload.json");
        byte[] junk = "[1,2,3]".getBytes(StandardCharsets.UTF_8);
        byte[] gitlab = WebhookFixtures.bytes("gitlab/pipeline-hook.go-playground.json");

        delivery("ping", "e2e-ping", ping)
                .header("X-Hub-Signature-256", sign(ping, WebhookTestSecret.SECRET))
                .post("/webhooks/github")
                .then()
                .statusCode(200)
                .body("message", containsString("pong"));
        delivery("push", "e2e-junk", junk)
                .header("X-Hub-Signature-256", sign(junk, WebhookTestSecret.SECRET))
                .post("/webhooks/github")
                .then()
                .statusCode(400)
                .body("error", equalTo("the body is not a JSON object"));
        given().header("X-Gitlab-Event", "Pipeline Hook")
                .header("X-Gitlab-Token", WebhookTestSecret.SECRET)
                .body(gitlab)
                .post("/webhooks/gitlab")
                .then()
                .statusCode(200)
                .body("ignored", containsString("pipeline"));
        given().body(junk).post("/webhooks/sourceforge").then().statusCode(404).body("error", containsString("github"));
    }
}
