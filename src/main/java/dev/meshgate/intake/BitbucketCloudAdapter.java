package dev.meshgate.intake;

import static dev.meshgate.intake.PayloadFields.abbreviatedSha;
import static dev.meshgate.intake.PayloadFields.number;
import static dev.meshgate.intake.PayloadFields.optionalText;
import static dev.meshgate.intake.PayloadFields.sha;
import static dev.meshgate.intake.PayloadFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.revision.Forge;
import dev.meshgate.revision.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Bitbucket Cloud's webhooks: {@code repo:push} (one revision per updated ref) and pull requests created or updated,
 * signed with {@code X-Hub-Signature} when the hook has a secret. Payloads carry no clone URL: the web URL plus
 * {@code .git} is one.
 */
public final class BitbucketCloudAdapter implements ForgeAdapter {

    private static final Set<String> PULL_REQUEST_EVENTS = Set.of("pullrequest:created", "pullrequest:updated");
    private static final SignatureCheck SIGNATURE =
            new HmacSignature(new HmacSignature.Header("X-Hub-Signature", "sha256="));

    @Override
    public String name() {
        return "bitbucket";
    }

    @Override
    public SignatureCheck signatureCheck() {
        return SIGNATURE;
    }

    @Override
    public String deliveryId(WebhookRequest request) {
        return request.header("X-Request-UUID");
    }

    @Override
    public String repositoryName(JsonNode payload) {
        return optionalText(payload, "repository.full_name");
    }

    @Override
    public WebhookEvent read(WebhookRequest request, JsonNode payload) {
        String event = request.header("X-Event-Key");
        if (event == null) {
            throw new MalformedPayloadException("the delivery has no X-Event-Key header");
        }
        if (event.equals("repo:push")) {
            return push(payload);
        }
        if (PULL_REQUEST_EVENTS.contains(event)) {
            return pullRequest(payload);
        }
        return new WebhookEvent.Ignored("meshgate does not act on " + event + " events");
    }

    private static WebhookEvent push(JsonNode payload) {
        String repository = text(payload, "repository.full_name");
        String webUrl = text(payload, "repository.links.html.href");
        List<Revision> revisions = new ArrayList<>();
        for (JsonNode change : payload.path("push").path("changes")) {
            JsonNode updated = change.path("new");
            if (updated.isMissingNode() || updated.isNull()) {
                continue; // a deleted branch or tag: nothing to validate
            }
            String prefix = "tag".equals(optionalText(updated, "type")) ? "refs/tags/" : "refs/heads/";
            revisions.add(Revision.push(
                    Forge.BITBUCKET_CLOUD,
                    repository,
                    webUrl + ".git",
                    webUrl,
                    sha(updated, "target.hash"),
                    prefix + text(updated, "name")));
        }
        return revisions.isEmpty()
                ? new WebhookEvent.Ignored("the push only deleted branches or tags")
                : new WebhookEvent.Validate(revisions);
    }

    private static WebhookEvent pullRequest(JsonNode payload) {
        JsonNode pullRequest = payload.path("pullrequest");
        String webUrl = text(pullRequest, "source.repository.links.html.href");
        return new WebhookEvent.Validate(List.of(new Revision(
                Forge.BITBUCKET_CLOUD,
                text(pullRequest, "source.repository.full_name"),
                webUrl + ".git",
                webUrl,
                abbreviatedSha(pullRequest, "source.commit.hash"),
                "refs/heads/" + text(pullRequest, "source.branch.name"),
                number(pullRequest, "id"),
                text(pullRequest, "destination.branch.name"))));
    }
}
