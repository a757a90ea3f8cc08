package dev.meshgate.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshgate.revision.InvalidRepositoryUrlException;
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
    private List<String> allowedHosts = List.of();

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

    /** Only clone URLs on these hosts ({@code *.example.com} for a domain) are accepted; empty for any server. */
    public WebhookIntake allowingHosts(List<String> hosts) {
        this.allowedHosts = hosts.stream()
                .map(host -> host.strip().toLowerCase(Locale.ROOT))
                .toList();
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

    public WebhookAnswer receive(String forge, WebhookRequest request) {
        ForgeAdapter adapter = adapters.get(forge.toLowerCase(Locale.ROOT));
        if (adapter == null) {
            return WebhookAnswer.refused(
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
            return WebhookAnswer.refused(500, e.getMessage());
        }
        Optional<String> refusal = authenticate(adapter, request, repository, secret);
        if (refusal.isPresent()) {
            LOG.warnf("refused a %s delivery for %s: %s", adapter.name(), repository, refusal.get());
            return WebhookAnswer.refused(401, refusal.get());
        }
        if (payload == null || !payload.isObject()) {
            return WebhookAnswer.refused(400, "the body is not a JSON object");
        }
        try {
            WebhookEvent event = adapter.read(request, payload);
            if (event instanceof WebhookEvent.Validate validate) {
                checkCloneUrls(validate, allowedHosts);
            }
            if (secret.isPresent() && secret.get().perRepository() && event instanceof WebhookEvent.Validate validate) {
                checkBoundTo(repository, validate);
            }
            return answer(adapter, request, event);
        } catch (MalformedPayloadException e) {
            return WebhookAnswer.refused(400, e.getMessage());
        }
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
     * A delivery names the repository to fetch: only a server's URL, never a path on meshgate's own disk or a URL
     * with credentials in it, whoever signed it.
     */
    private static void checkCloneUrls(WebhookEvent.Validate event, List<String> allowedHosts) {
        for (Revision revision : event.revisions()) {
            try {
                RepositoryUrl url = RepositoryUrl.parse(revision.cloneUrl());
                if (!url.isNetwork() || url.hasCredentials()) {
                    throw new MalformedPayloadException("the clone URL must be a server's URL (https, ssh, git)"
                            + " without credentials, not " + url.redacted());
                }
                if (!allowedHosts.isEmpty() && allowedHosts.stream().noneMatch(host -> hostMatches(host, url.host()))) {
                    throw new MalformedPayloadException(
                            "the clone URL's host " + url.host() + " is not in meshgate.webhooks.allowed-hosts");
                }
            } catch (InvalidRepositoryUrlException e) {
                throw new MalformedPayloadException(e.getMessage());
            }
        }
    }

    private static boolean hostMatches(String allowed, String host) {
        return allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : host.equals(allowed);
    }

    /**
     * A repository's own secret vouches for that repository only: the payload's other fields must not point the run at
     * another one, whose content would then show on a report page.
     */
    private static void checkBoundTo(String repository, WebhookEvent.Validate event) {
        String expected = repository.toLowerCase(Locale.ROOT);
        for (Revision revision : event.revisions()) {
            if (!revision.cloneUrl().toLowerCase(Locale.ROOT).contains(expected)) {
                throw new MalformedPayloadException("the clone URL " + revision.cloneUrl() + " is not the repository "
                        + repository + " whose secret signed the delivery");
            }
        }
    }

    private WebhookAnswer answer(ForgeAdapter adapter, WebhookRequest request, WebhookEvent event) {
        if (event instanceof WebhookEvent.Ping ping) {
            return WebhookAnswer.of(200, "message", ping.message());
        }
        if (event instanceof WebhookEvent.Ignored ignored) {
            return WebhookAnswer.of(200, "ignored", ignored.reason());
        }
        String deliveryId = adapter.deliveryId(request);
        List<Revision> revisions = ((WebhookEvent.Validate) event).revisions();
        List<Map<String, Object>> accepted = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            Revision revision = revisions.get(i);
            // One delivery may name several refs; each needs an id of its own for redeliveries to be recognised.
            String id = deliveryId == null || i == 0 ? deliveryId : deliveryId + "#" + i;
            RunSubmitter.Submission submission = runs.submit(revision, id);
            if (submission instanceof RunSubmitter.QueueFull full) {
                LOG.warnf("run queue full: %s delivery %s answered 503", adapter.name(), deliveryId);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", "the run queue is full; redeliver later");
                body.put("runs", accepted);
                return new WebhookAnswer(503, body, null, full.retryAfter());
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
}
