package dev.meshgate.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshgate.forge.RecordingForgeApi;
import dev.meshgate.intake.HmacSignature;
import dev.meshgate.intake.WebhookFixtures;
import dev.meshgate.testing.GitCommandLine;
import dev.meshgate.testing.GitDaemon;
import dev.meshgate.testing.PackagedService;
import dev.meshgate.testing.PostgresServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service as operators run it: two replicas on one real PostgreSQL through a SIGKILL, and one embedded
 * replica killed while its statuses wait for a retry. A real git server serves the repositories, and a local server
 * standing in for GitHub's API records every status.
 */
class ReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "replicas-webhook-secret";
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    @TempDir
    Path temp;

    private GitDaemon daemon;
    private RecordingForgeApi forge;
    private final List<PackagedService> services = new java.util.ArrayList<>();

    @BeforeEach
    void serve() throws IOException {
        daemon = GitDaemon.serve(Files.createDirectories(temp.resolve("served")));
        forge = new RecordingForgeApi();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (PackagedService service : services) {
            service.close();
        }
        forge.close();
        daemon.close();
    }

    private Map<String, String> settings(String name) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("meshgate.data-dir", temp.resolve(name).toString());
        settings.put("meshgate.webhooks.secret", SECRET);
        settings.put("meshgate.forges.github.api-url", forge.url("/github"));
        settings.put("meshgate.forges.github.token", "gh-token");
        settings.put("meshgate.statuses.first-retry", "50ms");
        return settings;
    }

    private PackagedService start(Map<String, String> settings, String name) {
        PackagedService service = PackagedService.start(settings, temp.resolve(name + ".log"));
        services.add(service);
        return service;
    }

    /** A repository of its own holding the sample; its one commit. */
    private String served(String name, String sample) throws IOException {
        Path repository = SampleRepository.create(temp.resolve("served").resolve(name), sample);
        return new GitCommandLine(repository).run("rev-parse", "HEAD");
    }

    private byte[] pushOf(String name, String sha) throws IOException {
        ObjectNode payload =
                (ObjectNode) JSON.readTree(WebhookFixtures.bytes("github/push_branch-update.go-playground.json"));
        payload.put("after", sha);
        payload.put("ref", "refs/heads/main");
        ObjectNode repository = (ObjectNode) payload.path("repository");
        repository.put("full_name", "acme/" + name);
        repository.put("clone_url", daemon.url(name));
        return JSON.writeValueAsBytes(payload);
    }

    private static JsonNode deliver(PackagedService service, String id, byte[] body) throws IOException {
        HttpResponse<String> answer = service.post(
                "/webhooks/github",
                Map.of(
                        "X-GitHub-Event",
                        "push",
                        "X-GitHub-Delivery",
                        id,
                        "X-Hub-Signature-256",
                        "sha256="
                                + HexFormat.of()
                                        .formatHex(HmacSignature.hmac(body, SECRET.getBytes(StandardCharsets.UTF_8)))),
                body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body()).path("runs").path(0);
    }

    /** Polls the run on the replica until it is final or the deadline passed. */
    private static JsonNode awaitFinal(PackagedService service, String runId) throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        JsonNode run;
        do {
            Thread.sleep(100); // a poll interval: the condition is the run's state, read until the deadline
            HttpResponse<String> answer = service.get("/api/v1/runs/" + runId);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            run = JSON.readTree(answer.body());
        } while (Instant.now().isBefore(deadline)
                && List.of("QUEUED", "RUNNING").contains(run.path("state").asText()));
        return run;
    }

    /** The states posted for the commit, in order, once the verdict arrived (or all there are at the deadline). */
    private List<String> statesOnceFinal(String name, String sha) throws Exception {
        String path = "/github/repos/acme/" + name + "/statuses/" + sha;
        Instant deadline = Instant.now().plus(DEADLINE);
        List<String> states = states(path);
        while (Instant.now().isBefore(deadline) && states.stream().allMatch("pending"::equals)) {
            forge.await(path, forge.requestsUnder(path).size() + 1, Duration.ofSeconds(5));
            states = states(path);
        }
        return states;
    }

    private List<String> states(String path) {
        return forge.requestsUnder(path).stream()
                .map(request -> {
                    try {
                        return JSON.readTree(request.body()).path("state").asText();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .toList();
    }

    @Test
    void twoReplicasOnOnePostgresLoseNothingWhenOneIsKilled() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(PostgresServer.installed(), "PostgreSQL 15 is not installed");
        try (PostgresServer postgres = PostgresServer.start(temp)) {
            String jdbcUrl = postgres.newDatabase();
            Map<String, String> shared = new LinkedHashMap<>();
            shared.put("meshgate.store.jdbc-url", jdbcUrl);
            shared.put("meshgate.store.username", PostgresServer.USER);
            shared.put("meshgate.store.lease", "3s");
            shared.put("meshgate.store.poll", "200ms");
            Map<String, String> first = settings("replica-1");
            first.putAll(shared);
            first.put("meshgate.runs.workers", "1");
            Map<String, String> second = settings("replica-2");
            second.putAll(shared);
            PackagedService doomed = start(first, "replica-1");
            PackagedService survivor = start(second, "replica-2");

            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 1; i <= 4; i++) {
                expected.put("valid-" + i, served("valid-" + i, "valid-mesh"));
            }
            expected.put("broken", served("broken", "broken/subset-not-found"));
            Map<String, String> runIds = new LinkedHashMap<>();
            Map<String, byte[]> bodies = new LinkedHashMap<>();
            int n = 0;
            for (Map.Entry<String, String> repository : expected.entrySet()) {
                byte[] body = pushOf(repository.getKey(), repository.getValue());
                bodies.put(repository.getKey(), body);
                PackagedService to = n++ % 3 == 2 ? survivor : doomed;
                JsonNode accepted = deliver(to, "delivery-" + repository.getKey(), body);
                assertThat(accepted.path("duplicate").asBoolean()).isFalse();
                runIds.put(repository.getKey(), accepted.path("runId").asText());
            }
            doomed.kill();

            for (Map.Entry<String, byte[]> delivery : bodies.entrySet()) {
                JsonNode again = deliver(survivor, "delivery-" + delivery.getKey(), delivery.getValue());
                assertThat(again.path("duplicate").asBoolean()).isTrue();
                assertThat(again.path("runId").asText()).isEqualTo(runIds.get(delivery.getKey()));
            }
            for (Map.Entry<String, String> repository : expected.entrySet()) {
                String name = repository.getKey();
                String sha = repository.getValue();
                boolean passes = name.startsWith("valid");
                JsonNode run = awaitFinal(survivor, runIds.get(name));
                assertThat(run.path("state").asText()).as(name).isEqualTo(passes ? "PASSED" : "FAILED");

                List<String> states = statesOnceFinal(name, sha);
                assertThat(states.stream().filter(state -> !state.equals("pending")))
                        .as("final statuses of " + name + ": " + states)
                        .containsExactly(passes ? "success" : "failure");
                assertThat(states.get(states.size() - 1))
                        .as(name + ": " + states)
                        .isNotEqualTo("pending");

                assertThat(survivor.get("/runs/" + runIds.get(name)).statusCode())
                        .isEqualTo(200);
                HttpResponse<String> gate = survivor.get("/api/v1/gate?repo=acme/" + name + "&revision=" + sha);
                assertThat(gate.statusCode()).as(gate.body()).isEqualTo(passes ? 200 : 409);
            }
        }
    }

    @Test
    void anEmbeddedReplicaStoppedBySigtermGivesItsWorkBackBeforeItsStoreCloses() throws Exception {
        String sha = served("stopped", "valid-mesh");
        PackagedService service = start(settings("stopped"), "stopped");
        String runId = deliver(service, "delivery-stopped", pushOf("stopped", sha))
                .path("runId")
                .asText();
        assertThat(awaitFinal(service, runId).path("state").asText()).isEqualTo("PASSED");

        service.close();

        // H2 closes its databases from a shutdown hook of its own unless told not to; the service's hook, which
        // gives this replica's claims back, then found the store already closed.
        String log = Files.readString(temp.resolve("stopped.log"));
        assertThat(log).contains("stopped in").doesNotContain("could not be given back");
    }

    @Test
    void aVerdictWaitingForARetryAtAKillIsPostedByTheNextStart() throws Exception {
        String sha = served("flaky", "valid-mesh");
        String path = "/github/repos/acme/flaky/statuses/" + sha;
        Map<String, String> settings = settings("embedded");
        // The first retry waits far longer than the test: the verdict is still waiting for it at the kill.
        settings.put("meshgate.statuses.first-retry", "10m");
        for (int i = 0; i < 2; i++) {
            forge.answerNext(path, 500, Map.of(), "{\"message\":\"down\"}");
        }
        PackagedService before = start(settings, "before");
        String runId = deliver(before, "delivery-flaky", pushOf("flaky", sha))
                .path("runId")
                .asText();
        assertThat(awaitFinal(before, runId).path("state").asText()).isEqualTo("PASSED");
        assertThat(forge.await(path, 2, DEADLINE)).hasSize(2);
        before.kill();

        PackagedService after = start(settings, "after");

        // Only the verdict is owed: a pending posted now would be a state the store forgot it had overtaken.
        forge.await(path, 3, DEADLINE);
        assertThat(states(path).subList(2, states(path).size())).containsExactly("success");
        assertThat(after.get("/api/v1/runs/" + runId).statusCode()).isEqualTo(200);
    }
}
