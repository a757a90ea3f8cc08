package dev.meshgate.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshgate.revision.Forge;
import dev.meshgate.revision.OutboundPolicy;
import dev.meshgate.revision.Revision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A delivery from the wire to the queue: secrets, refusals, pings, ignored events, a full queue. */
class WebhookIntakeTest {

    private static final String PUSH = "github/push_branch-update.go-playground.json";
    private static final String SECRET = "It's a Secret to Everybody";

    @TempDir
    Path temp;

    private final RecordingSubmitter runs = new RecordingSubmitter();

    private WebhookIntake intake(WebhookSecrets secrets, boolean allowUnsigned) {
        List<ForgeAdapter> adapters = List.of(
                new GitHubAdapter(), new GitLabAdapter(), new BitbucketCloudAdapter(), new GiteaAdapter(Forge.GITEA));
        return new WebhookIntake(adapters, secrets, allowUnsigned, runs, new ObjectMapper());
    }

    private static WebhookSecrets defaultSecret(String secret) {
        return new WebhookSecrets(new WebhookSecrets.Source(Optional.of(secret), Optional.empty()), Map.of());
    }

    private static String sign(byte[] body, String secret) {
        return "sha256=" + HexFormat.of().formatHex(HmacSignature.hmac(body, secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static WebhookRequest gitHub(String event, byte[] body, String signature, String delivery) {
        return new WebhookRequest(
                signature == null
                        ? Map.of("X-GitHub-Event", event, "X-GitHub-Delivery", delivery)
                        : Map.of(
                                "X-GitHub-Event",
                                event,
                                "X-GitHub-Delivery",
                                delivery,
                                "X-Hub-Signature-256",
                                signature),
                body);
    }

    @Test
    void aSignedPushIsQueuedWithItsDeliveryId() {
        byte[] body = WebhookFixtures.bytes(PUSH);

        WebhookAnswer answer =
                intake(defaultSecret(SECRET), false).receive("github", gitHub("push", body, sign(body, SECRET), "d-1"));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.location()).isEqualTo("/runs/run-1");
        assertThat(answer.body().get("runs").toString()).contains("runId=run-1", "ref=refs/heads/master");
        assertThat(runs.revisions)
                .extracting(Revision::sha)
                .containsExactly("fd489864e7642b48eaad6e3f155c10e46810ec72");
        assertThat(runs.deliveryIds).containsExactly(WebhookIntake.deliveryKey("d-1", body));
        assertThat(runs.deliveryIds.get(0)).matches("d-1 [0-9a-f]{32}");
    }

    @Test
    void theSameDeliveryIdWithAnotherBodyIsAnotherDelivery() {
        byte[] body = WebhookFixtures.bytes(PUSH);
        byte[] other = new String(body, StandardCharsets.UTF_8)
                .replace("fd489864e7642b48eaad6e3f155c10e46810ec72", "0123456789abcdef0123456789abcdef01234567")
                .getBytes(StandardCharsets.UTF_8);
        WebhookIntake intake = intake(defaultSecret(SECRET), false);

        intake.receive("github", gitHub("push", body, sign(body, SECRET), "d-1"));
        intake.receive("github", gitHub("push", body, sign(body, SECRET), "d-1"));
        intake.receive("github", gitHub("push", other, sign(other, SECRET), "d-1"));

        assertThat(runs.deliveryIds.get(0)).isEqualTo(runs.deliveryIds.get(1));
        assertThat(runs.deliveryIds.get(2)).startsWith("d-1 ").isNotEqualTo(runs.deliveryIds.get(0));
    }

    @Test
    void aWrongOrMissingSignatureIs401AndNothingIsQueued() {
        byte[] body = WebhookFixtures.bytes(PUSH);
        WebhookIntake intake = intake(defaultSecret(SECRET), false);

        WebhookAnswer wrong = intake.receive("github", gitHub("push", body, sign(body, "guess"), "d-1"));
        WebhookAnswer missing = intake.receive("github", gitHub("push", body, null, "d-2"));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().get("error").toString()).contains("X-Hub-Signature-256 does not match");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body().get("error").toString()).contains("not signed");
        assertThat(runs.revisions).isEmpty();
    }

    @Test
    void withoutAnySecretDeliveriesAreRefusedUnlessUnsignedOnesAreAllowed() {
        byte[] body = WebhookFixtures.bytes(PUSH);

        WebhookAnswer refused =
                intake(WebhookSecrets.none(), false).receive("github", gitHub("push", body, null, "d-1"));
        WebhookAnswer allowed =
                intake(WebhookSecrets.none(), true).receive("github", gitHub("push", body, null, "d-1"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().get("error").toString())
                .contains("no webhook secret is configured for binkkatal/sample_app", "meshgate.webhooks.secret");
        assertThat(allowed.status()).isEqualTo(202);
        assertThat(runs.revisions).hasSize(1);
    }

    @Test
    void withAllowedHostsADeliveryCannotPointMeshgateAtAnotherServer() {
        byte[] body = WebhookFixtures.bytes(PUSH);
        WebhookIntake gitHubOnly =
                intake(defaultSecret(SECRET), false).checkingUrlsWith(OutboundPolicy.allowing(List.of("github.com")));
        WebhookIntake corpOnly = intake(defaultSecret(SECRET), false)
                .checkingUrlsWith(OutboundPolicy.allowing(List.of("*.corp.example")));

        assertThat(gitHubOnly
                        .receive("github", gitHub("push", body, sign(body, SECRET), "d-1"))
                        .status())
                .isEqualTo(202);
        WebhookAnswer elsewhere = corpOnly.receive("github", gitHub("push", body, sign(body, SECRET), "d-2"));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body().get("error").toString())
                .contains("github.com is not in meshgate.git.allowed-hosts");
        assertThat(runs.revisions).hasSize(1);
    }

    @Test
    void aBlankSecretCountsAsNoneSinceAnyoneCouldSignWithIt() throws Exception {
        Path file = Files.writeString(temp.resolve("unfilled"), "\n");
        byte[] body = WebhookFixtures.bytes(PUSH);
        WebhookIntake intake = intake(
                new WebhookSecrets(new WebhookSecrets.Source(Optional.empty(), Optional.of(file)), Map.of()), false);

        WebhookAnswer answer = intake.receive("github", gitHub("push", body, "sha256=" + "0".repeat(64), "d-1"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().get("error").toString()).contains("no webhook secret is configured");
        assertThat(runs.revisions).isEmpty();
    }

    @Test
    void aRepositorysOwnSecretWinsAndVouchesOnlyForThatRepository() {
        byte[] body = WebhookFixtures.bytes(PUSH);
        WebhookSecrets secrets = new WebhookSecrets(
                new WebhookSecrets.Source(Optional.of("default"), Optional.empty()),
                Map.of("binkkatal/sample_app", new WebhookSecrets.Source(Optional.of("own"), Optional.empty())));
        byte[] redirected = new String(body, StandardCharsets.UTF_8)
                .replace("https://github.com/binkkatal/sample_app.git", "https://github.com/victim/private.git")
                .getBytes(StandardCharsets.UTF_8);

        WebhookIntake intake = intake(secrets, false);
        assertThat(intake.receive("github", gitHub("push", body, sign(body, "default"), "d-1"))
                        .status())
                .isEqualTo(401);
        assertThat(intake.receive("github", gitHub("push", body, sign(body, "own"), "d-2"))
                        .status())
                .isEqualTo(202);
        WebhookAnswer elsewhere = intake.receive("github", gitHub("push", redirected, sign(redirected, "own"), "d-3"));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body().get("error").toString()).contains("is not the repository binkkatal/sample_app");
        assertThat(runs.revisions).hasSize(1);
    }

    @Test
    void aRepositorysOwnSecretDoesNotVouchForALongerNameOrAQueryThatMentionsIt() {
        byte[] body = WebhookFixtures.bytes(PUSH);
        WebhookSecrets secrets = new WebhookSecrets(
                WebhookSecrets.Source.NONE,
                Map.of("binkkatal/sample_app", new WebhookSecrets.Source(Optional.of("own"), Optional.empty())));
        WebhookIntake intake = intake(secrets, false);

        for (String cloneUrl : List.of(
                "https://github.com/binkkatal/sample_app-evil.git",
                "https://github.com/victim/mesh.git?x=binkkatal/sample_app",
                "https://github.com/other/binkkatal/sample_app.git")) {
            byte[] forged = withCloneUrl(body, cloneUrl);
            WebhookAnswer answer = intake.receive("github", gitHub("push", forged, sign(forged, "own"), cloneUrl));
            assertThat(answer.status()).as(cloneUrl).isEqualTo(400);
            assertThat(answer.body().get("error").toString()).contains("is not the repository binkkatal/sample_app");
        }
        byte[] sameRepositoryOverSsh = withCloneUrl(body, "git@github.com:binkkatal/sample_app.git");
        assertThat(intake.receive(
                                "github",
                                gitHub("push", sameRepositoryOverSsh, sign(sameRepositoryOverSsh, "own"), "ssh"))
                        .status())
                .isEqualTo(202);
        assertThat(runs.revisions).hasSize(1);
    }

    @Test
    void cloneUrlsThatAreNotServerUrlsAre400WithTheReason() {
        byte[] body = WebhookFixtures.bytes(PUSH);
        WebhookIntake intake = intake(defaultSecret(SECRET), false);
        Map<String, String> refusals = Map.of(
                "ext::sh -c touch% /tmp/pwned", "transport-helper syntax",
                "fd::3", "transport-helper syntax",
                "javascript:alert(1)", "not a server URL",
                "file:///var/lib/meshgate/mirrors/a.git", "scheme 'file:'",
                "/var/lib/meshgate/mirrors/a.git", "a path on meshgate's disk",
                "http://github.com/binkkatal/sample_app.git", "plain http is refused",
                "sftp://github.com/binkkatal/sample_app.git", "scheme 'sftp:'",
                "https://x-access-token:abc@github.com/binkkatal/sample_app.git", "carries credentials");

        refusals.forEach((cloneUrl, reason) -> {
            byte[] forged = withCloneUrl(body, cloneUrl);
            WebhookAnswer answer = intake.receive("github", gitHub("push", forged, sign(forged, SECRET), cloneUrl));
            assertThat(answer.status()).as(cloneUrl).isEqualTo(400);
            assertThat(answer.body().get("error").toString()).as(cloneUrl).contains(reason);
        });
        assertThat(runs.revisions).isEmpty();
    }

    private static byte[] withCloneUrl(byte[] body, String cloneUrl) {
        return new String(body, StandardCharsets.UTF_8)
                .replace("\"https://github.com/binkkatal/sample_app.git\"", "\"" + cloneUrl.replace("\"", "") + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSecretFileIsReadAtEachDeliverySoARotationNeedsNoRestart() throws Exception {
        Path file = temp.resolve("secret");
        Files.writeString(file, "first\n");
        WebhookIntake intake = intake(
                new WebhookSecrets(new WebhookSecrets.Source(Optional.empty(), Optional.of(file)), Map.of()), false);
        byte[] body = WebhookFixtures.bytes(PUSH);

        assertThat(intake.receive("github", gitHub("push", body, sign(body, "first"), "d-1"))
                        .status())
                .isEqualTo(202);
        Files.writeString(file, "second");
        assertThat(intake.receive("github", gitHub("push", body, sign(body, "first"), "d-2"))
                        .status())
                .isEqualTo(401);
        assertThat(intake.receive("github", gitHub("push", body, sign(body, "second"), "d-3"))
                        .status())
                .isEqualTo(202);
        Files.delete(file);
        WebhookAnswer unreadable = intake.receive("github", gitHub("push", body, sign(body, "second"), "d-4"));
        assertThat(unreadable.status()).isEqualTo(500);
        assertThat(unreadable.body().get("error").toString()).contains("cannot be read");
    }

    @Test
    void pingsAndIgnoredEventsAre200AndQueueNothing() {
        byte[] ping = WebhookFixtures.bytes("github/ping_payload.json");
        byte[] closed = WebhookFixtures.bytes("github/pull_request_closed.payload.json");
        WebhookIntake intake = intake(defaultSecret(SECRET), false);

        WebhookAnswer pong = intake.receive("github", gitHub("ping", ping, sign(ping, SECRET), "d-1"));
        WebhookAnswer ignored = intake.receive("github", gitHub("pull_request", closed, sign(closed, SECRET), "d-2"));

        assertThat(pong.status()).isEqualTo(200);
        assertThat(pong.body()).containsKey("message");
        assertThat(ignored.status()).isEqualTo(200);
        assertThat(ignored.body().get("ignored").toString()).contains("not closed");
        assertThat(runs.revisions).isEmpty();
    }

    @Test
    void triageAnswersPingsIgnoredEventsAndRefusalsItselfAndLeavesOnlyPushesToSubmit() {
        byte[] ping = WebhookFixtures.bytes("github/ping_payload.json");
        byte[] closed = WebhookFixtures.bytes("github/pull_request_closed.payload.json");
        byte[] push = WebhookFixtures.bytes(PUSH);
        WebhookIntake intake = intake(defaultSecret(SECRET), false);

        WebhookIntake.Triage pong = intake.triage("github", gitHub("ping", ping, sign(ping, SECRET), "d-1"));
        WebhookIntake.Triage ignored =
                intake.triage("github", gitHub("pull_request", closed, sign(closed, SECRET), "d-2"));
        WebhookIntake.Triage refused = intake.triage("github", gitHub("push", push, sign(push, "guess"), "d-3"));
        WebhookIntake.Triage toSubmit = intake.triage("github", gitHub("push", push, sign(push, SECRET), "d-4"));

        assertThat(pong).isInstanceOfSatisfying(WebhookIntake.Answered.class, answered -> assertThat(
                        answered.answer().status())
                .isEqualTo(200));
        assertThat(ignored).isInstanceOfSatisfying(WebhookIntake.Answered.class, answered -> assertThat(
                        answered.answer().body())
                .containsKey("ignored"));
        assertThat(refused).isInstanceOfSatisfying(WebhookIntake.Answered.class, answered -> assertThat(
                        answered.answer().status())
                .isEqualTo(401));
        assertThat(toSubmit).isInstanceOf(WebhookIntake.ToSubmit.class);
        // Triage never touches the queue: the push is submitted only when asked, with its delivery id and body.
        assertThat(runs.revisions).isEmpty();

        WebhookAnswer accepted = intake.submit((WebhookIntake.ToSubmit) toSubmit);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(runs.deliveryIds).containsExactly(WebhookIntake.deliveryKey("d-4", push));
    }

    @Test
    void aSignedBodyThatIsNotJsonOrLacksFieldsIs400WithTheReason() {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        byte[] partial = "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);
        WebhookIntake intake = intake(defaultSecret(SECRET), false);

        WebhookAnswer notJson = intake.receive("github", gitHub("push", garbage, sign(garbage, SECRET), "d-1"));
        WebhookAnswer lacking = intake.receive("github", gitHub("push", partial, sign(partial, SECRET), "d-2"));
        WebhookAnswer unsignedGarbage = intake.receive("github", gitHub("push", garbage, null, "d-3"));

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().get("error")).isEqualTo("the body is not a JSON object");
        assertThat(lacking.status()).isEqualTo(400);
        assertThat(lacking.body().get("error").toString()).contains("the payload has no");
        assertThat(unsignedGarbage.status()).isEqualTo(401);
    }

    @Test
    void anUnknownForgeIs404NamingTheEndpoints() {
        WebhookAnswer answer =
                intake(defaultSecret(SECRET), false).receive("sourceforge", new WebhookRequest(Map.of(), new byte[0]));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().get("error").toString()).contains("/webhooks/github", "/webhooks/gitlab");
    }

    @Test
    void aFullQueueIs503WithRetryAfter() {
        runs.capacity = 0;
        byte[] body = WebhookFixtures.bytes(PUSH);

        WebhookAnswer answer =
                intake(defaultSecret(SECRET), false).receive("github", gitHub("push", body, sign(body, SECRET), "d-1"));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.retryAfter()).hasSeconds(30);
    }

    @Test
    void eachRefOfABitbucketPushGetsItsOwnDeliveryId() {
        String twoRefs =
                new String(WebhookFixtures.bytes("bitbucket/cloud-repo_push.go-scm.json"), StandardCharsets.UTF_8);
        com.fasterxml.jackson.databind.node.ObjectNode payload;
        try {
            payload = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(twoRefs);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        com.fasterxml.jackson.databind.node.ArrayNode changes = (com.fasterxml.jackson.databind.node.ArrayNode)
                payload.path("push").path("changes");
        changes.add(changes.get(0).deepCopy());
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        WebhookRequest request = new WebhookRequest(
                Map.of("X-Event-Key", "repo:push", "X-Request-UUID", "u-1", "X-Hub-Signature", sign(body, SECRET)),
                body);

        WebhookAnswer answer = intake(defaultSecret(SECRET), false).receive("bitbucket", request);

        assertThat(answer.status()).isEqualTo(202);
        String key = WebhookIntake.deliveryKey("u-1", body);
        assertThat(runs.deliveryIds).containsExactly(key, key + "#1");
    }
}
