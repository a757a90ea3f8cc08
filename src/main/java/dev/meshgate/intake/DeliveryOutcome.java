package dev.meshgate.intake;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a webhook delivery came to, in a few words fit for a metric's label. */
public enum DeliveryOutcome {
    /** At least one new run was started. */
    ACCEPTED,
    /** Every run it asks for was already known: a redelivery, or a commit seen before. */
    DUPLICATE,
    /** A forge's test delivery. */
    PING,
    /** An event meshgate does not act on. */
    IGNORED,
    /** A body meshgate cannot use (not JSON, a clone URL refused, a payload missing fields). */
    MALFORMED,
    /** The signature or token is missing or wrong. */
    UNAUTHORIZED,
    /** No forge has an endpoint of that name. */
    UNKNOWN_FORGE,
    /** The run queue or the disk of the data folder is full; the sender is told to redeliver later. */
    QUEUE_FULL,
    /** meshgate could not answer (a secret file that cannot be read). */
    FAILED;

    /** Reads the outcome from the answer given. */
    static DeliveryOutcome of(WebhookAnswer answer) {
        return switch (answer.status()) {
            case 202 -> allDuplicates(answer.body()) ? DUPLICATE : ACCEPTED;
            case 200 -> answer.body().containsKey("message") ? PING : IGNORED;
            case 400 -> MALFORMED;
            case 401 -> UNAUTHORIZED;
            case 404 -> UNKNOWN_FORGE;
            case 503 -> QUEUE_FULL;
            default -> FAILED;
        };
    }

    private static boolean allDuplicates(Map<String, Object> body) {
        return body.get("runs") instanceof List<?> runs
                && !runs.isEmpty()
                && runs.stream()
                        .allMatch(run ->
                                run instanceof Map<?, ?> accepted && Boolean.TRUE.equals(accepted.get("duplicate")));
    }

    /** The name as a metric's label shows it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
