package dev.meshgate.intake;

import static dev.meshgate.intake.PayloadFields.optionalText;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.revision.Forge;
import java.util.Set;

/** GitHub's webhooks: push, pull_request and ping, signed with {@code X-Hub-Signature-256}. */
public final class GitHubAdapter implements ForgeAdapter {

    private static final Set<String> VALIDATED_ACTIONS = Set.of("opened", "synchronize", "reopened");
    private static final SignatureCheck SIGNATURE =
            new HmacSignature(new HmacSignature.Header("X-Hub-Signature-256", "sha256="));

    @Override
    public String name() {
        return "github";
    }

    @Override
    public SignatureCheck signatureCheck() {
        return SIGNATURE;
    }

    @Override
    public String deliveryId(WebhookRequest request) {
        return request.header("X-GitHub-Delivery");
    }

    @Override
    public String repositoryName(JsonNode payload) {
        return optionalText(payload, "repository.full_name");
    }

    @Override
    public WebhookEvent read(WebhookRequest request, JsonNode payload) {
        String event = request.header("X-GitHub-Event");
        if (event == null) {
            throw new MalformedPayloadException("the delivery has no X-GitHub-Event header");
        }
        return switch (event) {
            case "ping" -> new WebhookEvent.Ping("pong: " + optionalText(payload, "zen"));
            case "push" -> GitHubStylePayloads.push(Forge.GITHUB, payload);
            case "pull_request" -> GitHubStylePayloads.pullRequest(Forge.GITHUB, payload, VALIDATED_ACTIONS);
            default -> new WebhookEvent.Ignored("meshgate does not act on " + event + " events");
        };
    }
}
