package dev.meshgate.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshgate.revision.InvalidRepositoryUrlException;
import dev.meshgate.revision.OutboundPolicy;
import dev.meshgate.revision.RepositoryUrl;
import dev.meshgate.revision.Revision;
import dev.meshgate.revision.RunSubmitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Takes one webhook delivery from the wire to the run queue: picks the forge's adapter, checks the signature against
 * the repository's secret, reads the event, and submits its revisions. Never throws: every outcome is an answer.
 */
public final class WebhookIntake {

    private static final Logger LOG = Logger.getLogger(WebhookIntake.class);

    private final Map<String, ForgeAdapter> adapters = new TreeMap<>();
    private final WebhookSecrets secrets;
    private final boolean allowUnsigned;
    private final RunSubmitter runs;
    private final ObjectMapper json;
    private OutboundPolicy outbound = OutboundPolicy.allowing(List.of("*"));

    /** @param allowUnsigned whether a delivery for a repository with no secret configured is accepted unsigned */
    public WebhookIntake(
            List<ForgeAdapter> adapters,
            WebhookSecrets secrets,
            boolean allowUnsigned,
            RunSubmitter runs,
            ObjectMapper json) {
        adapters.forEach(adapter -> this.adapters.put(adapter.name(), adapter));
        this.secrets = secrets;
        this.allowUnsigned = allowUnsigned;
        this.runs = runs;
        this.json = json;
    }

    /**
     * Only clone URLs this policy allows are accepted (the service's {@code meshgate.git.allowed-hosts}); without
     * one, any server URL (https, ssh, git) on any host.
     */
    public WebhookIntake checkingUrlsWith(OutboundPolicy policy) {
        this.outbound = policy;
        return this;
    }

    /** Every forge with an endpoint, e.g. for telling a user which paths exist. */
    public List<String> forges() {
        return List.copyOf(adapters.keySet());
    }

    /** The forge an endpoint path names, lower-cased, or {@code unknown} when no forge has that endpoint. */
    public String forgeLabel(String forge) {
        String name = forge.toLowerCase(Locale.ROOT);
        return adapters.containsKey(name) ? name : "unknown";
    }

    /**
     * What a delivery comes to before anything is submitted: an answer already (an unknown forge, a refusal, a ping,
     * an ignored event), or revisions to submit. Neither touches the run queue, so the HTTP layer answers the first
     * kind where the request arrived and hands only submissions to a worker thread.
     */
    public sealed interface Triage permits Answered, ToSubmit {}

    /** A delivery answered without submitting anything. */
    public record Answered(WebhookAnswer answer) implements Triage {}

    /** A delivery whose revisions are to be submitted, by {@link #submit}. */
    public static final class ToSubmit implements Triage {
        private final ForgeAdapter adapter;
        private final WebhookRequest request;
        private final WebhookEvent.Validate event;

        private ToSubmit(ForgeAdapter adapter, WebhookRequest request, WebhookEvent.Validate event) {
            this.adapter = adapter;
            this.request = request;
            this.event = event;
        }
    }

    /** Takes one delivery all the way: {@link #triage}, then {@link #submit} when there is something to run. */
    public WebhookAnswer receive(String forge, WebhookRequest request) {
        Triage triage = triage(forge, request);
        return triage instanceof ToSubmit submission ? submit(submission) : ((Answered) triage).answer();
    }

    /**
     * Checks a delivery and reads its event without submitting anything: cheap (a parse and an HMAC; a secret given
     * as a file is read, a few bytes), so it may run where the request arrived.
     */
    public Triage triage(String forge, WebhookRequest request) {
        ForgeAdapter adapter = adapters.get(forge.toLowerCase(Locale.ROOT));
        if (adapter == null) {
            return refused(
                    404,
                    "no webhook endpoint for '" + forge + "'; use one of /webhooks/"
                            + String.join(", /webhooks/", adapters.keySet()));
        }
        JsonNode payload = parse(request.body());
        String repository = payload == null ? null : adapter.repositoryName(payload);
        Optional<WebhookSecrets.Match> secret;
        try {
            secret = secrets.forRepository(repository);
        } catch (UncheckedIOException e) {
            LOG.errorf("%s: %s", e.getMessage(), e.getCause().getMessage());
            return refused(500, e.getMessage());
        }
        Optional<String> refusal = authenticate(adapter, request, repository, secret);
        if (refusal.isPresent()) {
            LOG.warnf("refused a %s delivery for %s: %s", adapter.name(), repository, refusal.get());
            return refused(401, refusal.get());
        }
        if (payload == null || !payload.isObject()) {
            return refused(400, "the body is not a JSON object");
        }
        try {
            WebhookEvent event = adapter.read(request, payload);
            if (event instanceof WebhookEvent.Validate validate) {
                checkCloneUrls(validate, outbound);
            }
            if (secret.isPresent() && secret.get().perRepository() && event instanceof WebhookEvent.Validate validate) {
                checkBoundTo(repository, validate);
            }
            if (event instanceof WebhookEvent.Ping ping) {
                return new Answered(WebhookAnswer.of(200, "message", ping.message()));
            }
            if (event instanceof WebhookEvent.Ignored ignored) {
                return new Answered(WebhookAnswer.of(200, "ignored", ignored.reason()));
            }
            return new ToSubmit(adapter, request, (WebhookEvent.Validate) event);
        } catch (MalformedPayloadException e) {
            return refused(400, e.getMessage());
        }
    }

    private static Answered refused(int status, String reason) {
        return new Answered(WebhookAnswer.refused(status, reason));
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<String> authenticate(
            ForgeAdapter adapter, WebhookRequest request, String repository, Optional<WebhookSecrets.Match> secret) {
        SignatureCheck check = adapter.signatureCheck();
        if (secret.isEmpty()) {
            return allowUnsigned
                    ? Optional.empty()
                    : Optional.of(
                            "no webhook secret is configured for " + (repository == null ? "this delivery" : repository)
                                    + ": set meshgate.webhooks.secret (or meshgate.webhooks.allow-unsigned=true to accept"
                                    + " unsigned deliveries)");
        }
        return switch (check.check(request, secret.get().secret())) {
            case VALID -> Optional.empty();
            case MISSING -> Optional.of("the delivery is not signed: " + check.describe() + " is missing");
            case INVALID -> Optional.of(check.describe() + " does not match the secret configured for "
                    + (secret.get().perRepository() ? repository : "webhooks"));
        };
    }

    /**
     * A delivery names the repository to fetch: only a server's URL that the outbound policy allows, never a path on
     * meshgate's own disk, another transport or a URL with credentials in it, whoever signed it.
     */
    private static void checkCloneUrls(WebhookEvent.Validate event, OutboundPolicy outbound) {
        for (Revision revision : event.revisions()) {
            try {
                outbound.checkServerUrl(revision.cloneUrl());
            } catch (InvalidRepositoryUrlException e) {
                throw new MalformedPayloadException("the clone URL is refused: " + e.getMessage());
            }
        }
    }

    /**
     * A repository's own secret vouches for that repository only: the clone URL's path on its server must be the
     * repository's ({@code acme/mesh}), compared as a repository URL, so that neither a longer name
     * ({@code acme/mesh-evil}) nor a query that mentions it points the run at another repository.
     */
    private static void checkBoundTo(String repository, WebhookEvent.Validate event) {
        String expected = repository.strip().toLowerCase(Locale.ROOT).replaceAll("^/+|/+$", "");
        for (Revision revision : event.revisions()) {
            boolean bound;
            try {
                bound = RepositoryUrl.parse(revision.cloneUrl())
                        .repositoryPath()
                        .equals(expected);
            } catch (InvalidRepositoryUrlException e) {
                bound = false;
            }
            if (!bound) {
                throw new MalformedPayloadException(
                        "the clone URL is not the repository " + repository + " whose secret signed the delivery");
            }
        }
    }

    /** Submits a triaged delivery's revisions to the run queue (which may write to its store: a worker's job). */
    public WebhookAnswer submit(ToSubmit delivery) {
        ForgeAdapter adapter = delivery.adapter;
        String deliveryId = adapter.deliveryId(delivery.request);
        String deliveryKey = deliveryKey(deliveryId, delivery.request.body());
        List<Revision> revisions = delivery.event.revisions();
        List<Map<String, Object>> accepted = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            Revision revision = revisions.get(i);
            // One delivery may name several refs; each needs an id of its own for redeliveries to be recognised.
            String id = deliveryKey == null || i == 0 ? deliveryKey : deliveryKey + "#" + i;
            RunSubmitter.Submission submission = runs.submit(revision, id);
            if (submission instanceof RunSubmitter.Refused refused) {
                LOG.warnf("%s: %s delivery %s answered 503", refused.reason(), adapter.name(), deliveryId);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", refused.reason() + "; redeliver later");
                body.put("runs", accepted);
                return new WebhookAnswer(503, body, null, refused.retryAfter());
            }
            RunSubmitter.Accepted run = (RunSubmitter.Accepted) submission;
            LOG.infof(
                    "%s delivery %s: %s %s at %s -> run %s%s",
                    adapter.name(),
                    deliveryId,
                    revision.repository(),
                    revision.isChangeRequest() ? "#" + revision.changeRequest() : revision.ref(),
                    revision.sha(),
                    run.runId(),
                    run.duplicate() ? " (already known)" : "");
            accepted.add(Map.of(
                    "runId", run.runId(), "duplicate", run.duplicate(), "sha", revision.sha(), "ref", revision.ref()));
        }
        return new WebhookAnswer(
                202, Map.of("runs", accepted), "/runs/" + accepted.get(0).get("runId"), null);
    }

    /**
     * What identifies a delivery: the forge's id and the hash of the body it carried. A redelivery repeats both; the same
     * id with another body (a forged or buggy sender) is another delivery, never an answer with another commit's run.
     */
    static String deliveryKey(String deliveryId, byte[] body) {
        if (deliveryId == null) {
            return null;
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(body);
            return deliveryId + " " + java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
