package dev.meshgate.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Webhook payloads as the forges send them (src/test/resources/webhooks, from the team's shared fixtures; see its
 * SOURCES.md), read as exact bytes because signatures cover them.
 */
public final class WebhookFixtures {

    private WebhookFixtures() {}

    public static byte[] bytes(String name) {
        try (InputStream in = WebhookFixtures.class.getResourceAsStream("/webhooks/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no webhook fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
