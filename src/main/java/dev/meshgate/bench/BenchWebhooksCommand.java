package dev.meshgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshgate.files.FileTrees;
import dev.meshgate.intake.HmacSignature;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshgate bench-webhooks}: against a running service, sends a burst of signed GitHub push deliveries at once and
 * prints how fast they are acknowledged (p50/p99) next to the floor of as many signed pings sent the same way, then times webhook → final verdict for single pushes on a warm
 * mirror. The repository is generated and served by {@code git daemon} on this machine.
 */
@Command(
        name = "bench-webhooks",
        mixinStandardHelpOptions = true,
        description = "Benchmarks a running meshgate service: webhook acknowledgement and time to verdict.")
public final class BenchWebhooksCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(
            names = "--url",
            defaultValue = "http://localhost:8080",
            description = "The service (default: ${DEFAULT-VALUE}).")
    URI service;

    @Option(
            names = "--secret",
            defaultValue = "meshgate-bench",
            description = "The webhook secret the service was started with (default: ${DEFAULT-VALUE}).")
    String secret;

    @Option(
            names = "--deliveries",
            defaultValue = "100",
            description = "Deliveries sent at once (default: ${DEFAULT-VALUE}).")
    int deliveries;

    @Option(
            names = "--runs",
            defaultValue = "5",
            description = "Single pushes timed to their verdict (default: ${DEFAULT-VALUE}).")
    int runs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // Made when the command runs: picocli makes every command to parse the line of any one, and an HTTP client (its
    // TLS context) costs a small validate a tenth of its start.
    private HttpClient http;

    @Override
    public Integer call() throws Exception {
        http = HttpClient.newBuilder()
                // Forges deliver over HTTP/1.1; the default HTTP/2 upgrade attempt would only add a round trip here.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("meshgate-bench-webhooks");
        try {
            Path served = Files.createDirectories(work.resolve("served/mesh"));
            GitBinary git = new GitBinary(served);
            git.run("init", "-q", "-b", "main");
            git.run("config", "uploadpack.allowReachableSHA1InWant", "true");
            Files.writeString(served.resolve("mesh.yaml"), SyntheticMesh.generate(20));
            git.run("add", "-A");
            git.run("commit", "-q", "-m", "mesh");
            try (GitServer daemon = GitServer.serve(work.resolve("served"))) {
                String cloneUrl = daemon.url("mesh");
                out.printf("meshgate bench-webhooks against %s, repository %s%n", service, cloneUrl);
                // An unmeasured burst first: the figures are those of a service that has been up for a while.
                acknowledgeBurst(out, git, cloneUrl, "warm-up");
                awaitIdle();
                acknowledgeBurst(out, git, cloneUrl, "burst");
                timeToVerdict(out, git, cloneUrl);
            }
            return 0;
        } finally {
            FileTrees.deleteRecursively(work);
        }
    }

    /** Many deliveries of distinct commits on distinct branches at once: none supersedes another. */
    private void acknowledgeBurst(PrintWriter out, GitBinary git, String cloneUrl, String name) throws Exception {
        List<String> shas = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            git.run("commit", "-q", "--allow-empty", "-m", name + " " + i);
            String sha = git.run("rev-parse", "HEAD");
            git.run("branch", "-f", name + "-" + i, sha);
            shas.add(sha);
        }
        List<HttpRequest> pushes = new ArrayList<>();
        List<HttpRequest> pings = new ArrayList<>();
        for (int i = 0; i < deliveries; i++) {
            pushes.add(delivery("push", push(cloneUrl, "refs/heads/" + name + "-" + i, shas.get(i))));
            pings.add(delivery("ping", ping()));
        }
        // The floor: signed pings, which the service answers without submitting anything, sent the same way.
        double[] floor = burst(pings, 200);
        double[] latencies = burst(pushes, 202);
        if (name.equals("warm-up")) {
            return;
        }
        out.printf(
                "%d concurrent signed pings (the floor) answered: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                deliveries, percentile(floor, 50), percentile(floor, 99), floor[floor.length - 1]);
        out.printf(
                "%d concurrent signed deliveries acknowledged: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                        + " (p50 x%.1f, p99 x%.1f the floor)%n",
                deliveries,
                percentile(latencies, 50),
                percentile(latencies, 99),
                latencies[latencies.length - 1],
                percentile(latencies, 50) / percentile(floor, 50),
                percentile(latencies, 99) / percentile(floor, 99));
        out.flush();
    }

    /** Sends the requests at once; the sorted times to each answer, which must have the expected status. */
    private double[] burst(List<HttpRequest> requests, int expected) {
        List<CompletableFuture<Double>> sent = new ArrayList<>();
        for (HttpRequest request : requests) {
            long start = System.nanoTime();
            sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> {
                        double millis = (System.nanoTime() - start) / 1e6;
                        if (response.statusCode() != expected) {
                            throw new IllegalStateException(
                                    "delivery answered " + response.statusCode() + ": " + response.body());
                        }
                        return millis;
                    }));
        }
        double[] latencies = sent.stream()
                .map(CompletableFuture::join)
                .mapToDouble(Double::doubleValue)
                .toArray();
        Arrays.sort(latencies);
        return latencies;
    }

    /** One push at a time on a mirror that already has the repository: webhook sent → run final. */
    private void timeToVerdict(PrintWriter out, GitBinary git, String cloneUrl) throws Exception {
        awaitIdle();
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            git.run("commit", "-q", "--allow-empty", "-m", "push " + i);
            String sha = git.run("rev-parse", "HEAD");
            long start = System.nanoTime();
            HttpResponse<String> response =
                    http.send(delivery(cloneUrl, "refs/heads/main", sha), HttpResponse.BodyHandlers.ofString());
            String runId = JSON.readTree(response.body())
                    .path("runs")
                    .path(0)
                    .path("runId")
                    .asText();
            String state = awaitFinal(runId);
            times[i] = (System.nanoTime() - start) / 1e6;
            if (!state.equals("PASSED")) {
                throw new IllegalStateException("run " + runId + " ended " + state);
            }
        }
        Arrays.sort(times);
        out.printf(
                "webhook -> final verdict (warm mirror, %d runs): median %.0f ms, max %.0f ms%n",
                runs, percentile(times, 50), times[times.length - 1]);
        out.flush();
    }

    private HttpRequest delivery(String cloneUrl, String ref, String sha) {
        return delivery("push", push(cloneUrl, ref, sha));
    }

    private static ObjectNode push(String cloneUrl, String ref, String sha) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("ref", ref);
        payload.put("before", "0".repeat(40));
        payload.put("after", sha);
        payload.put("created", false);
        payload.put("deleted", false);
        payload.put("forced", false);
        repository(payload, cloneUrl);
        payload.putObject("head_commit").put("id", sha);
        payload.putObject("sender").put("login", "bench");
        return payload;
    }

    /** What GitHub sends when a webhook is created: the hook and the repository, nothing to run. */
    private static ObjectNode ping() {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("zen", "Keep it logically awesome.");
        payload.put("hook_id", 1);
        repository(payload, "http://127.0.0.1/bench/mesh.git");
        payload.putObject("sender").put("login", "bench");
        return payload;
    }

    private static void repository(ObjectNode payload, String cloneUrl) {
        ObjectNode repository = payload.putObject("repository");
        repository.put("id", 1);
        repository.put("name", "mesh");
        repository.put("full_name", "bench/mesh");
        repository.put("clone_url", cloneUrl);
        repository.put("html_url", "http://127.0.0.1/bench/mesh");
        repository.put("default_branch", "main");
        repository.putObject("owner").put("login", "bench");
    }

    private HttpRequest delivery(String event, ObjectNode payload) {
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(service.resolve("/webhooks/github"))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", java.util.UUID.randomUUID().toString())
                .header(
                        "X-Hub-Signature-256",
                        "sha256="
                                + HexFormat.of()
                                        .formatHex(HmacSignature.hmac(body, secret.getBytes(StandardCharsets.UTF_8))))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private void awaitIdle() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            JsonNode runs = get("/api/v1/runs?repo=bench/mesh");
            boolean busy = false;
            for (JsonNode run : runs) {
                busy |= run.path("state").asText().equals("QUEUED")
                        || run.path("state").asText().equals("RUNNING");
            }
            if (!busy) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the burst's runs did not finish within 5 minutes");
    }

    private String awaitFinal(String runId) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            String state = get("/api/v1/runs/" + runId).path("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return state;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("run " + runId + " did not finish within 2 minutes");
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(service.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static double percentile(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
