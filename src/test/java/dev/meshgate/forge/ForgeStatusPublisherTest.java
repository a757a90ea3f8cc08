package dev.meshgate.forge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshgate.forge.CommitStatus.State;
import dev.meshgate.report.ReportFixtures;
import dev.meshgate.revision.Forge;
import dev.meshgate.revision.Revision;
import dev.meshgate.runs.TemporaryDataDirectory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Statuses posted through the real REST clients to a local server standing in for each forge's API. */
@QuarkusTest
@QuarkusTestResource(TemporaryDataDirectory.class)
@QuarkusTestResource(FakeForges.class)
class ForgeStatusPublisherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    StatusPublisher publisher;

    RecordingForgeApi api;

    /** A commit no other test uses, so that the requests a test awaits are its own. */
    private static String newSha() {
        return (UUID.randomUUID().toString() + UUID.randomUUID())
                .replace("-", "")
                .substring(0, 40);
    }

    private static CommitStatus status(State state, String description) {
        return new CommitStatus(state, description, "http://meshgate.example/runs/r1", "meshgate");
    }

    private static JsonNode body(RecordingForgeApi.Request request) throws IOException {
        return JSON.readTree(request.body());
    }

    @Test
    void gitHubGetsItsStatusesWithTheTokenAndApiVersion() throws Exception {
        String sha = newSha();
        Revision revision = Revision.push(
                Forge.GITHUB, "acme/mesh", "https://github.com/acme/mesh.git", null, sha, "refs/heads/main");

        publisher.publish(revision, status(State.PENDING, "validating"));
        publisher.publish(revision, status(State.FAILURE, "1 error, 0 warnings in 8 files"));

        String path = "/github/repos/acme/mesh/statuses/" + sha;
        List<RecordingForgeApi.Request> requests = api.await(path, 2, WAIT);
        assertThat(requests).extracting(RecordingForgeApi.Request::method).containsExactly("POST", "POST");
        assertThat(requests.get(0).headers())
                .containsEntry("authorization", "Bearer gh-token")
                .containsEntry("x-github-api-version", "2022-11-28");
        assertThat(body(requests.get(0)).path("state").asText()).isEqualTo("pending");
        JsonNode verdict = body(requests.get(1));
        assertThat(verdict.path("state").asText()).isEqualTo("failure");
        assertThat(verdict.path("description").asText()).isEqualTo("1 error, 0 warnings in 8 files");
        assertThat(verdict.path("target_url").asText()).isEqualTo("http://meshgate.example/runs/r1");
        assertThat(verdict.path("context").asText()).isEqualTo("meshgate");
    }

    @Test
    void eachOtherForgeGetsItsOwnPathAuthAndStates() throws Exception {
        String sha = newSha();
        CommitStatus success = status(State.SUCCESS, "no problems in 12 resources (3 files)");

        publisher.publish(
                new Revision(
                        Forge.GITLAB,
                        "42",
                        "https://gitlab.example/g/mesh.git",
                        null,
                        sha,
                        "refs/merge-requests/7/head",
                        7,
                        "main"),
                success);
        publisher.publish(
                Revision.push(
                        Forge.GITEA, "acme/mesh", "https://gitea.example/acme/mesh.git", null, sha, "refs/heads/main"),
                success);
        publisher.publish(
                Revision.push(
                        Forge.FORGEJO,
                        "acme/mesh",
                        "https://codeberg.example/acme/mesh.git",
                        null,
                        sha,
                        "refs/heads/main"),
                status(State.ERROR, "the commit is gone"));
        publisher.publish(
                Revision.push(
                        Forge.BITBUCKET_CLOUD,
                        "ws/mesh",
                        "https://bitbucket.org/ws/mesh.git",
                        null,
                        sha,
                        "refs/heads/main"),
                status(State.PENDING, "validating"));
        publisher.publish(
                Revision.push(
                        Forge.BITBUCKET_SERVER,
                        "PRJ/mesh",
                        "https://bb.example/scm/prj/mesh.git",
                        null,
                        sha,
                        "refs/heads/main"),
                status(State.FAILURE, "2 errors"));

        RecordingForgeApi.Request gitlab =
                api.await("/gitlab/api/v4/projects/42/statuses/" + sha, 1, WAIT).get(0);
        assertThat(gitlab.headers()).containsEntry("private-token", "gl-token");
        assertThat(body(gitlab).path("state").asText()).isEqualTo("success");
        assertThat(body(gitlab).path("name").asText()).isEqualTo("meshgate");
        assertThat(body(gitlab).has("ref"))
                .as("a merge request head is no branch")
                .isFalse();

        RecordingForgeApi.Request gitea = api.await("/gitea/api/v1/repos/acme/mesh/statuses/" + sha, 1, WAIT)
                .get(0);
        assertThat(gitea.headers()).containsEntry("authorization", "token gt-token");
        assertThat(body(gitea).path("state").asText()).isEqualTo("success");

        RecordingForgeApi.Request forgejo = api.await("/forgejo/api/v1/repos/acme/mesh/statuses/" + sha, 1, WAIT)
                .get(0);
        assertThat(body(forgejo).path("state").asText()).isEqualTo("error");

        RecordingForgeApi.Request cloud = api.await(
                        "/bitbucket/2.0/repositories/ws/mesh/commit/" + sha + "/statuses/build", 1, WAIT)
                .get(0);
        assertThat(cloud.headers().get("authorization")).startsWith("Basic ");
        assertThat(body(cloud).path("state").asText()).isEqualTo("INPROGRESS");
        assertThat(body(cloud).path("key").asText()).isEqualTo("meshgate");
        assertThat(body(cloud).path("refname").asText()).isEqualTo("main");
        assertThat(body(cloud).has("ref")).isFalse();

        RecordingForgeApi.Request server = api.await(
                        "/bitbucket-server/rest/api/latest/projects/PRJ/repos/mesh/commits/" + sha + "/builds", 1, WAIT)
                .get(0);
        assertThat(server.headers()).containsEntry("authorization", "Bearer bbs-token");
        assertThat(body(server).path("state").asText()).isEqualTo("FAILED");
        assertThat(body(server).path("url").asText()).isEqualTo("http://meshgate.example/runs/r1");
        assertThat(body(server).path("ref").asText()).isEqualTo("refs/heads/main");
    }

    @Test
    void aFailingForgeIsRetriedAndARateLimitWaitedOut() throws Exception {
        String sha = newSha();
        String path = "/github/repos/acme/retry/statuses/" + sha;
        api.answerNext(path, 502, Map.of(), "{\"message\":\"bad gateway\"}");
        api.answerNext(path, 429, Map.of("Retry-After", "1"), "{}");
        Revision revision = Revision.push(
                Forge.GITHUB, "acme/retry", "https://github.com/acme/retry.git", null, sha, "refs/heads/main");

        publisher.publish(revision, status(State.SUCCESS, "no problems"));

        List<RecordingForgeApi.Request> requests = api.await(path, 3, WAIT);
        assertThat(requests).hasSize(3);
        assertThat(requests)
                .allSatisfy(request ->
                        assertThat(body(request).path("state").asText()).isEqualTo("success"));
    }

    @Test
    void aRepeatedStatusIsNotPostedAgainAndALongDescriptionIsCut() throws Exception {
        String sha = newSha();
        String path = "/github/repos/acme/repeat/statuses/" + sha;
        Revision revision = Revision.push(
                Forge.GITHUB, "acme/repeat", "https://github.com/acme/repeat.git", null, sha, "refs/heads/main");
        String longDescription = "word ".repeat(60).strip();

        publisher.publish(revision, status(State.FAILURE, longDescription));
        publisher.publish(revision, status(State.FAILURE, longDescription));
        publisher.publish(revision, status(State.SUCCESS, "fixed"));

        // Posts go out one at a time in the order they came: when the success published last has arrived, the
        // repeated failure before it was dealt with, so a success second of two shows that the repeat was skipped.
        List<RecordingForgeApi.Request> requests = api.await(path, 2, WAIT);
        assertThat(requests).hasSize(2);
        String cut = body(requests.get(0)).path("description").asText();
        assertThat(cut).hasSizeLessThanOrEqualTo(140).endsWith("…").startsWith("word word");
        assertThat(body(requests.get(1)).path("state").asText()).isEqualTo("success");
    }

    @Test
    void aVerdictIsNeverOvertakenByARetriedPending() throws Exception {
        String sha = newSha();
        String path = "/github/repos/acme/order/statuses/" + sha;
        api.answerNext(path, 503, Map.of(), "{}");
        Revision revision = Revision.push(
                Forge.GITHUB, "acme/order", "https://github.com/acme/order.git", null, sha, "refs/heads/main");
        HeldRetries retries = new HeldRetries();

        try (ForgeStatusPublisher holdingRetries = gitHubPublisher(retries)) {
            holdingRetries.publish(revision, status(State.PENDING, "validating"));
            holdingRetries.publish(revision, status(State.SUCCESS, "no problems"));

            assertThat(api.await(path, 2, WAIT)).hasSize(2);
            // The pending's 503 was answered before the success went out, so its retry is held by now; run it here.
            Runnable retry = retries.held.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(retry).as("the pending's retry").isNotNull();
            retry.run();
        }

        assertThat(states(path)).containsExactly("pending", "success");
        assertThat(retries.held).as("retries scheduled after the success").isEmpty();
    }

    @Test
    void aPendingThatWaitedOutARateLimitNeverLandsAfterTheVerdict() throws Exception {
        String sha = newSha();
        String path = "/github/repos/acme/limited/statuses/" + sha;
        api.answerNext(path, 429, Map.of("Retry-After", "2"), "{}");
        Revision revision = Revision.push(
                Forge.GITHUB, "acme/limited", "https://github.com/acme/limited.git", null, sha, "refs/heads/main");
        HeldRetries retries = new HeldRetries();

        try (ForgeStatusPublisher holdingRetries = gitHubPublisher(retries)) {
            holdingRetries.publish(revision, status(State.PENDING, "validating"));
            holdingRetries.publish(revision, status(State.SUCCESS, "no problems"));

            assertThat(api.await(path, 2, WAIT)).hasSize(2);
            // The rate limit's wait keeps the attempt number; what follows it must still see the verdict went out.
            Runnable afterTheWait = retries.held.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(afterTheWait).as("the pending's wait").isNotNull();
            afterTheWait.run();
        }

        assertThat(states(path)).containsExactly("pending", "success");
    }

    @Test
    void aPostThatItsTicketCallsOvertakenAfterAWaitIsDroppedAndSettled() throws Exception {
        String sha = newSha();
        String path = "/github/repos/acme/ticket/statuses/" + sha;
        api.answerNext(path, 429, Map.of("Retry-After", "1"), "{}");
        Revision revision = Revision.push(
                Forge.GITHUB, "acme/ticket", "https://github.com/acme/ticket.git", null, sha, "refs/heads/main");
        HeldRetries retries = new HeldRetries();
        // Another replica posted the verdict meanwhile: the durable outbox knows a newer post of the key exists.
        java.util.concurrent.atomic.AtomicBoolean current = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.CountDownLatch settled = new java.util.concurrent.CountDownLatch(1);
        PostTicket ticket = new PostTicket() {
            @Override
            public boolean current() {
                return current.get();
            }

            @Override
            public void settled() {
                settled.countDown();
            }
        };

        try (ForgeStatusPublisher holdingRetries = gitHubPublisher(retries)) {
            holdingRetries.publish(revision, status(State.PENDING, "validating"), ticket);
            assertThat(api.await(path, 1, WAIT)).hasSize(1);
            Runnable afterTheWait = retries.held.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(afterTheWait).isNotNull();
            current.set(false);
            afterTheWait.run();
        }

        assertThat(settled.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(api.requestsUnder(path)).hasSize(1);
    }

    private List<String> states(String path) {
        return api.requestsUnder(path).stream()
                .map(request -> {
                    try {
                        return body(request).path("state").asText();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .toList();
    }

    /** Keeps every retry instead of running it after its delay: the test runs it, and knows when it is done. */
    private static final class HeldRetries implements StatusOutbox.RetryScheduler {
        final BlockingQueue<Runnable> held = new LinkedBlockingQueue<>();

        @Override
        public void schedule(ScheduledExecutorService thread, Runnable retry, Duration delay) {
            held.add(retry);
        }
    }

    /** A publisher of its own, posting to the recorder's GitHub API with the retries given. */
    private ForgeStatusPublisher gitHubPublisher(StatusOutbox.RetryScheduler retries) {
        ForgeCredentials github =
                new ForgeCredentials(Optional.of(api.url("/github")), Optional.of("gh-token"), Optional.empty());
        return new ForgeStatusPublisher(
                Map.of("github", github),
                Optional.empty(),
                new RestClients(WAIT),
                new StatusOutbox(
                        new RetryPolicy(Duration.ofMillis(50), 5, Duration.ofMinutes(1)), Clock.systemUTC(), retries));
    }

    @Test
    void aPullRequestKeepsOneCommentEditedInPlace() throws Exception {
        String sha = newSha();
        Revision pullRequest = new Revision(
                Forge.GITHUB,
                "acme/comments",
                "https://github.com/acme/comments.git",
                null,
                sha,
                "refs/pull/5/head",
                5,
                "main");
        String comments = "/github/repos/acme/comments/issues";
        api.answerNext(comments + "/5/comments", 200, Map.of(), "[{\"id\": 1, \"body\": \"LGTM\"}]");

        publisher.comment(pullRequest, "meshgate", "first summary");
        List<RecordingForgeApi.Request> first = api.await(comments, 2, WAIT);
        api.answerNext(
                comments + "/5/comments",
                200,
                Map.of(),
                "[{\"id\": 1, \"body\": \"LGTM\"}, {\"id\": 77, \"body\": \"<!-- meshgate:meshgate -->\\nfirst summary\"}]");
        publisher.comment(pullRequest, "meshgate", "second summary");
        List<RecordingForgeApi.Request> all = api.await(comments, 4, WAIT);

        assertThat(first)
                .extracting(request -> request.method() + " " + request.path())
                .containsExactly("GET " + comments + "/5/comments", "POST " + comments + "/5/comments");
        assertThat(body(first.get(1)).path("body").asText()).isEqualTo("<!-- meshgate:meshgate -->\nfirst summary");
        assertThat(all.subList(2, 4))
                .extracting(request -> request.method() + " " + request.path())
                .containsExactly("GET " + comments + "/5/comments", "PATCH " + comments + "/comments/77");
        assertThat(body(all.get(3)).path("body").asText()).endsWith("second summary");
        assertThat(all.get(3).headers()).containsEntry("authorization", "Bearer gh-token");
    }

    @Test
    void gitLabAndBothBitbucketsGetTheirCommentEditedInPlace() throws Exception {
        String sha = newSha();
        String notes = "/gitlab/api/v4/projects/99/merge_requests/3/notes";
        String cloud = "/bitbucket/2.0/repositories/ws/comments/pullrequests/4/comments";
        api.answerNext(notes, 200, Map.of(), "[]");
        api.answerNext(
                cloud,
                200,
                Map.of(),
                "{\"values\": [{\"id\": 5, \"content\": {\"raw\": \"<!-- meshgate:meshgate -->\\nold\"}}]}");

        publisher.comment(
                new Revision(
                        Forge.GITLAB,
                        "99",
                        "https://gitlab.example/g/mesh.git",
                        null,
                        sha,
                        "refs/merge-requests/3/head",
                        3,
                        "main"),
                "meshgate",
                "summary");
        publisher.comment(
                new Revision(
                        Forge.BITBUCKET_CLOUD,
                        "ws/comments",
                        "https://bitbucket.org/ws/comments.git",
                        null,
                        sha,
                        "refs/heads/f",
                        4,
                        "main"),
                "meshgate",
                "summary");
        String server = "/bitbucket-server/rest/api/latest/projects/PRJ/repos/mesh/pull-requests/3";
        api.answerNext(
                server + "/activities",
                200,
                Map.of(),
                "{\"values\": [{\"action\": \"APPROVED\"},"
                        + " {\"action\": \"COMMENTED\", \"comment\": {\"id\": 11, \"version\": 3,"
                        + " \"text\": \"<!-- meshgate:meshgate -->\\nold\"}}]}");
        publisher.comment(
                new Revision(
                        Forge.BITBUCKET_SERVER,
                        "PRJ/mesh",
                        "https://bb.example/scm/prj/mesh.git",
                        null,
                        sha,
                        "refs/pull-requests/3/from",
                        3,
                        "main"),
                "meshgate",
                "summary");

        List<RecordingForgeApi.Request> gitlab = api.await(notes, 2, WAIT);
        assertThat(gitlab).extracting(RecordingForgeApi.Request::method).containsExactly("GET", "POST");
        assertThat(gitlab.get(1).headers()).containsEntry("private-token", "gl-token");
        List<RecordingForgeApi.Request> bitbucket = api.await(cloud, 2, WAIT);
        assertThat(bitbucket)
                .extracting(request -> request.method() + " " + request.path())
                .containsExactly("GET " + cloud, "PUT " + cloud + "/5");
        assertThat(body(bitbucket.get(1)).path("content").path("raw").asText()).endsWith("summary");
        List<RecordingForgeApi.Request> onServer = api.await(server, 2, WAIT);
        assertThat(onServer)
                .extracting(request -> request.method() + " " + request.path())
                .containsExactly("GET " + server + "/activities", "PUT " + server + "/comments/11");
        assertThat(body(onServer.get(1)).path("version").asInt()).isEqualTo(3);
        assertThat(body(onServer.get(1)).path("text").asText()).endsWith("summary");
    }

    @Test
    void asAGitHubAppACheckRunAnnotatesEveryFindingInBatchesOf50() throws Exception {
        String sha = newSha();
        api.answerNext("/github/repos/acme/checks/installation", 200, Map.of(), "{\"id\": 42}");
        api.answerNext(
                "/github/app/installations/42/access_tokens",
                201,
                Map.of(),
                "{\"token\": \"ghs_installation\", \"expires_at\": \"2099-01-01T00:00:00Z\"}");
        api.answerNext("/github/repos/acme/checks/check-runs", 201, Map.of(), "{\"id\": 9}");
        List<dev.meshgate.analysis.Finding> findings = new java.util.ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            findings.add(ReportFixtures.finding(
                    dev.meshgate.analysis.Severity.ERROR, "finding " + i, null, "routing.yaml", i));
        }
        dev.meshgate.report.Report report = ReportFixtures.report(findings);
        Revision revision = Revision.push(
                Forge.GITHUB, "acme/checks", "https://github.com/acme/checks.git", null, sha, "refs/heads/main");

        publisher.checkRun(revision, status(State.FAILURE, "60 errors, 0 warnings in 1 file"), report);

        List<RecordingForgeApi.Request> requests = api.await("/github/repos/acme/checks/check-runs", 2, WAIT);
        RecordingForgeApi.Request installation =
                api.requestsUnder("/github/repos/acme/checks/installation").get(0);
        String jwt = installation.headers().get("authorization").substring("Bearer ".length());
        String[] parts = jwt.split("\\.");
        java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
        rsa.initVerify(api.appPublicKey);
        rsa.update((parts[0] + "." + parts[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(rsa.verify(java.util.Base64.getUrlDecoder().decode(parts[2])))
                .as("the app JWT is signed")
                .isTrue();
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(parts[1])))
                .contains("\"iss\":\"12345\"");
        assertThat(requests)
                .extracting(request -> request.method() + " " + request.path())
                .containsExactly(
                        "POST /github/repos/acme/checks/check-runs", "PATCH /github/repos/acme/checks/check-runs/9");
        assertThat(requests.get(0).headers()).containsEntry("authorization", "Bearer ghs_installation");
        JsonNode created = body(requests.get(0));
        assertThat(created.path("head_sha").asText()).isEqualTo(sha);
        assertThat(created.path("conclusion").asText()).isEqualTo("failure");
        assertThat(created.path("output").path("annotations")).hasSize(50);
        assertThat(created.path("output")
                        .path("annotations")
                        .get(0)
                        .path("annotation_level")
                        .asText())
                .isEqualTo("failure");
        assertThat(created.path("output")
                        .path("annotations")
                        .get(0)
                        .path("start_line")
                        .asInt())
                .isEqualTo(1);
        assertThat(body(requests.get(1)).path("output").path("annotations")).hasSize(10);
    }

    @Test
    void aRunStartedByHandTellsNoForge() {
        String sha = newSha();
        int before = api.requests(request -> true).size();

        publisher.publish(
                Revision.push(Forge.MANUAL, "/tmp/mesh", "file:///tmp/mesh", null, sha, "main"),
                status(State.SUCCESS, "no problems"));

        assertThat(api.requests(request -> request.path().contains(sha))).isEmpty();
        assertThat(api.requests(request -> true).size()).isGreaterThanOrEqualTo(before);
    }
}
