package dev.meshgate.intake;

import static dev.meshgate.intake.PayloadFields.isZeroSha;
import static dev.meshgate.intake.PayloadFields.number;
import static dev.meshgate.intake.PayloadFields.optionalText;
import static dev.meshgate.intake.PayloadFields.sha;
import static dev.meshgate.intake.PayloadFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.revision.Forge;
import dev.meshgate.revision.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Bitbucket Server and Data Center's webhooks: {@code repo:refs_changed}, pull requests opened or pushed to, and
 * {@code diagnostics:ping}, signed with {@code X-Hub-Signature}. The HTTP clone link comes from the payload, or from
 * the configured server URL when a payload leaves it out.
 */
public final class BitbucketServerAdapter implements ForgeAdapter {

    private static final Set<String> PULL_REQUEST_EVENTS = Set.of("pr:opened", "pr:from_ref_updated");
    private static final SignatureCheck SIGNATURE =
            new HmacSignature(new HmacSignature.Header("X-Hub-Signature", "sha256="));

    private final Optional<String> serverUrl;

    /** @param serverUrl the server's base URL, for payloads without an HTTP clone link */
    public BitbucketServerAdapter(Optional<String> serverUrl) {
        this.serverUrl = serverUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    @Override
    public String name() {
        return "bitbucket-server";
    }

    @Override
    public SignatureCheck signatureCheck() {
        return SIGNATURE;
    }

    @Override
    public String deliveryId(WebhookRequest request) {
        return request.header("X-Request-Id");
    }

    @Override
    public String repositoryName(JsonNode payload) {
        JsonNode repository = payload.has("pullRequest")
                ? payload.path("pullRequest").path("toRef").path("repository")
                : payload.path("repository");
        String project = optionalText(repository, "project.key");
        String slug = optionalText(repository, "slug");
        return project == null || slug == null ? null : project + "/" + slug;
    }

    @Override
    public WebhookEvent read(WebhookRequest request, JsonNode payload) {
        String event = request.header("X-Event-Key");
        if (event == null) {
            throw new MalformedPayloadException("the delivery has no X-Event-Key header");
        }
        if (event.equals("diagnostics:ping")) {
            return new WebhookEvent.Ping("pong");
        }
        if (event.equals("repo:refs_changed")) {
            return refsChanged(payload);
        }
        if (PULL_REQUEST_EVENTS.contains(event)) {
            return pullRequest(payload);
        }
        return new WebhookEvent.Ignored("meshgate does not act on " + event + " events");
    }

    private WebhookEvent refsChanged(JsonNode payload) {
        JsonNode repository = payload.path("repository");
        String name = requiredName(repository);
        String cloneUrl = cloneUrl(repository);
        List<Revision> revisions = new ArrayList<>();
        for (JsonNode change : payload.path("changes")) {
            if ("DELETE".equals(optionalText(change, "type")) || isZeroSha(optionalText(change, "toHash"))) {
                continue;
            }
            revisions.add(Revision.push(
                    Forge.BITBUCKET_SERVER, name, cloneUrl, null, sha(change, "toHash"), text(change, "ref.id")));
        }
        return revisions.isEmpty()
                ? new WebhookEvent.Ignored("the push only deleted branches or tags")
                : new WebhookEvent.Validate(revisions);
    }

    private WebhookEvent pullRequest(JsonNode payload) {
        JsonNode pullRequest = payload.path("pullRequest");
        JsonNode target = pullRequest.path("toRef").path("repository");
        int id = number(pullRequest, "id");
        // The target repository serves every pull request's head as refs/pull-requests/N/from, forks included.
        return new WebhookEvent.Validate(List.of(new Revision(
                Forge.BITBUCKET_SERVER,
                requiredName(target),
                cloneUrl(target),
                null,
                sha(pullRequest, "fromRef.latestCommit"),
                "refs/pull-requests/" + id + "/from",
                id,
                text(pullRequest, "toRef.displayId"))));
    }

    private static String requiredName(JsonNode repository) {
        return text(repository, "project.key") + "/" + text(repository, "slug");
    }

    private String cloneUrl(JsonNode repository) {
        for (JsonNode link : repository.path("links").path("clone")) {
            if ("http".equals(optionalText(link, "name")) || "https".equals(optionalText(link, "name"))) {
                return text(link, "href");
            }
        }
        String project = text(repository, "project.key");
        String slug = text(repository, "slug");
        return serverUrl
                .map(url -> url + "/scm/" + project.toLowerCase(Locale.ROOT) + "/" + slug + ".git")
                .orElseThrow(() -> new MalformedPayloadException("the payload has no HTTP clone link for " + project
                        + "/" + slug + "; set meshgate.webhooks.bitbucket-server-url to the server's address"));
    }
}
