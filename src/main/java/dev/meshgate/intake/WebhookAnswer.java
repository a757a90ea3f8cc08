package dev.meshgate.intake;

import java.time.Duration;
import java.util.Map;

/**
 * What meshgate answers a webhook delivery: an HTTP status, a JSON body, and for a full queue the delay to retry after.
 *
 * @param location the first run's report page, or null
 * @param retryAfter the delay before a redelivery, or null
 */
public record WebhookAnswer(int status, Map<String, Object> body, String location, Duration retryAfter) {

    static WebhookAnswer of(int status, String key, Object value) {
        return new WebhookAnswer(status, Map.of(key, value), null, null);
    }

    static WebhookAnswer refused(int status, String reason) {
        return of(status, "error", reason);
    }
}
