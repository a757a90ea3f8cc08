package dev.meshgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshgate.api.GateAnswer;
import dev.meshgate.cluster.ApplicationRevision;
import dev.meshgate.cluster.ArgoApplications;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshgate gate}: asks a running meshgate for the verdict on a commit and exits 0 only when it passed, so that
 * an Argo CD PreSync hook (or any pipeline step) fails the sync otherwise. Fails closed: no verdict in time is a failure.
 */
@Command(
        name = "gate",
        mixinStandardHelpOptions = true,
        description =
                "Waits for meshgate's verdict on a commit: exit 0 passed, 1 failed or no verdict in time, 2 usage.")
public final class GateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofSeconds(30);

    @Option(
            names = "--url",
            defaultValue = "${MESHGATE_URL:-http://meshgate.meshgate.svc:8080}",
            description = "The meshgate service (default: ${DEFAULT-VALUE}).")
    URI service;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** Either an Argo CD Application, whose sync says the commit, or the commit itself. */
    static final class Target {

        @ArgGroup(exclusive = false)
        Application application;

        @ArgGroup(exclusive = false)
        Commit commit;
    }

    /** The Application being synced. */
    static final class Application {

        @Option(names = "--application", required = true, description = "The Argo CD Application being synced.")
        String name;

        @Option(
                names = "--application-namespace",
                defaultValue = "argocd",
                description = "Its namespace (default: ${DEFAULT-VALUE}).")
        String namespace;

        @Option(
                names = "--kubeconfig",
                description = "A kubeconfig file; by default the pod's service account or $KUBECONFIG.")
        Path kubeconfig;
    }

    /** A commit named directly. */
    static final class Commit {

        @Option(names = "--repo", required = true, description = "The repository's clone URL or name.")
        String repository;

        @Option(names = "--revision", required = true, description = "The commit (7 to 40 hex digits).")
        String revision;
    }

    @Option(
            names = "--timeout",
            defaultValue = "10m",
            converter = DurationOption.class,
            description = "How long to wait for a verdict (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = "--token-file",
            defaultValue = "${MESHGATE_API_TOKEN_FILE}",
            description = "A file holding meshgate's API token (default: $MESHGATE_API_TOKEN_FILE; or the token itself"
                    + " in $MESHGATE_API_TOKEN).")
    Path tokenFile;

    @Option(names = "--no-start", description = "Fail for a commit meshgate never saw instead of starting a run of it.")
    boolean noStart;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // Made when the command runs: picocli makes every command to parse the line of any one, and an HTTP client (its
    // TLS context) costs a small validate a tenth of its start.
    private HttpClient http;

    @Override
    public Integer call() throws InterruptedException {
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ApplicationRevision commit;
        try {
            commit = target.application != null ? fromApplication(target.application) : fromOptions(target.commit);
        } catch (IllegalStateException | IOException e) {
            err.println("meshgate gate: " + e.getMessage());
            return ExitCodes.USAGE_OR_IO;
        }
        Optional<String> token;
        try {
            token = token();
        } catch (IOException e) {
            err.println("meshgate gate: the token file " + tokenFile + " cannot be read");
            return ExitCodes.USAGE_OR_IO;
        }
        out.printf("meshgate gate: waiting for the verdict on %s of %s%n", commit.revision(), commit.repository());
        out.flush();
        Instant deadline = Instant.now().plus(timeout);
        boolean started = false;
        String lastProblem = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            Duration wait = min(POLL, Duration.between(Instant.now(), deadline));
            try {
                HttpResponse<String> answer =
                        http.send(gateRequest(commit, wait, token), HttpResponse.BodyHandlers.ofString());
                GateAnswer body = answer.statusCode() == 200 || answer.statusCode() == 409 || answer.statusCode() == 202
                        ? JSON.readValue(answer.body(), GateAnswer.class)
                        : null;
                switch (answer.statusCode()) {
                    case 200 -> {
                        out.printf("passed: %s%n  %s%n", body.summary(), body.report());
                        return ExitCodes.PASSED;
                    }
                    case 409 -> {
                        err.printf("%s: %s%n  %s%n", body.verdict(), body.summary(), body.report());
                        return ExitCodes.FAILED;
                    }
                    case 404 -> {
                        if (noStart) {
                            err.println("meshgate has never validated this commit (and --no-start was given)");
                            return ExitCodes.FAILED;
                        }
                        if (!started) {
                            started = startRun(commit, token, err);
                        }
                        lastProblem = "the run has not started";
                    }
                    case 202 -> lastProblem = "still running: " + body.summary();
                    case 401, 403 -> {
                        err.printf(
                                "meshgate refused the gate's credentials (%d): %s%n",
                                answer.statusCode(), answer.body());
                        return ExitCodes.FAILED;
                    }
                    default -> lastProblem = "meshgate answered " + answer.statusCode() + ": " + answer.body();
                }
            } catch (IOException e) {
                lastProblem = "meshgate cannot be reached at " + service + ": " + Unreachable.reason(e);
                Thread.sleep(Math.min(
                        POLL.toMillis(),
                        Math.max(0, Duration.between(Instant.now(), deadline).toMillis())));
            }
        }
        err.printf("no verdict within %s (%s): failing closed%n", timeout, lastProblem);
        return ExitCodes.FAILED;
    }

    private ApplicationRevision fromApplication(Application application) throws IOException {
        Config config = application.kubeconfig == null
                ? Config.autoConfigure(null)
                : Config.fromKubeconfig(Files.readString(application.kubeconfig));
        try (KubernetesClient client =
                new KubernetesClientBuilder().withConfig(config).build()) {
            return new ArgoApplications(client).syncing(application.namespace, application.name);
        }
    }

    private static ApplicationRevision fromOptions(Commit commit) {
        if (!commit.revision.matches("[0-9a-fA-F]{7,40}")) {
            throw new IllegalStateException("--revision must be 7 to 40 hex digits, not '" + commit.revision + "'");
        }
        return new ApplicationRevision(commit.repository, commit.revision);
    }

    /** The API token: from the file when one is given, else from the environment; none for a local service. */
    private Optional<String> token() throws IOException {
        if (tokenFile != null) {
            return Optional.of(Files.readString(tokenFile).strip()).filter(text -> !text.isEmpty());
        }
        return Optional.ofNullable(System.getenv("MESHGATE_API_TOKEN"))
                .map(String::strip)
                .filter(text -> !text.isEmpty());
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, Optional<String> token) {
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        return request;
    }

    private HttpRequest gateRequest(ApplicationRevision commit, Duration wait, Optional<String> token) {
        String query = "repo=" + encode(commit.repository()) + "&revision=" + encode(commit.revision()) + "&wait="
                + Math.max(0, wait.toSeconds()) + "s";
        return authorized(HttpRequest.newBuilder(service.resolve("/api/v1/gate?" + query)), token)
                .timeout(wait.plusSeconds(30))
                .GET()
                .build();
    }

    /** Asks meshgate to validate a commit it never saw; a full 40-digit sha is needed for that. */
    private boolean startRun(ApplicationRevision commit, Optional<String> token, PrintWriter err)
            throws IOException, InterruptedException {
        String key = commit.revision().length() == 40 ? "sha" : "ref";
        String body = JSON.createObjectNode()
                .put("repository", commit.repository())
                .put(key, commit.revision())
                .toString();
        HttpResponse<String> answer = http.send(
                authorized(HttpRequest.newBuilder(service.resolve("/api/v1/runs")), token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202) {
            err.printf("meshgate did not start a run (%d): %s%n", answer.statusCode(), answer.body());
        }
        return answer.statusCode() == 202;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
