package dev.meshgate.intake;

import static dev.meshgate.intake.PayloadFields.optionalText;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.revision.Forge;
import java.util.Set;

/**
 * Gitea's and Forgejo's webhooks (the same dialect): push and pull_request, signed with a bare hex HMAC in
 * {@code X-Gitea-Signature} or {@code X-Forgejo-Signature}, checked before the GitHub-style header both also send.
 */
public final class GiteaAdapter implements ForgeAdapter {

    private static final Set<String> VALIDATED_ACTIONS = Set.of("opened", "reopened", "synchronized");
    private static final SignatureCheck SIGNATURE = new HmacSignature(
            new HmacSignature.Header("X-Forgejo-Signature", ""),
            new HmacSignature.Header("X-Gitea-Signature", ""),
            new HmacSignature.Header("X-Hub-Signature-256", "sha256="));

    private final Forge forge;

    public GiteaAdapter(Forge forge) {
        if (forge != Forge.GITEA && forge != Forge.FORGEJO) {
            throw new IllegalArgumentException("not Gitea or Forgejo: " + forge);
        }
        this.forge = forge;
    }

    @Override
    public String name() {
        return forge == Forge.GITEA ? "gitea" : "forgejo";
    }

    @Override
    public SignatureCheck signatureCheck() {
        return SIGNATURE;
    }

    @Override
    public String deliveryId(WebhookRequest request) {
        return request.firstHeader("X-Forgejo-Delivery", "X-Gitea-Delivery");
    }

    @Override
    public String repositoryName(JsonNode payload) {
        return optionalText(payload, "repository.full_name");
    }

    @Override
    public WebhookEvent read(WebhookRequest request, JsonNode payload) {
        String event = request.firstHeader("X-Forgejo-Event", "X-Gitea-Event");
        if (event == null) {
            throw new MalformedPayloadException("the delivery has no X-Gitea-Event or X-Forgejo-Event header");
        }
        return switch (event) {
            case "push" -> GitHubStylePayloads.push(forge, payload);
            case "pull_request" -> GitHubStylePayloads.pullRequest(forge, payload, VALIDATED_ACTIONS);
            default -> new WebhookEvent.Ignored("meshgate does not act on " + event + " events");
        };
    }
}
