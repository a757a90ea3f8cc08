package dev.meshgate.intake;

import com.fasterxml.jackson.databind.JsonNode;

/** One forge's webhook dialect: how it signs, how it names deliveries and repositories, what its events mean. */
public interface ForgeAdapter {

    /** The last segment of the endpoint's path, {@code /webhooks/<name>}. */
    String name();

    SignatureCheck signatureCheck();

    /** The forge's delivery id (the same when it redelivers), or null. */
    String deliveryId(WebhookRequest request);

    /**
     * The repository as users name it in the per-repository secrets ({@code owner/name}, GitLab's
     * {@code group/project}, Bitbucket Server's {@code PROJECT/slug}), read before the signature is checked; null if
     * the payload does not say.
     */
    String repositoryName(JsonNode payload);

    /** What a verified delivery asks for; a {@link MalformedPayloadException} when its payload does not hold up. */
    WebhookEvent read(WebhookRequest request, JsonNode payload);
}
