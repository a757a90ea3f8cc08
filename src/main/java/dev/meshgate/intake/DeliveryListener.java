package dev.meshgate.intake;

/** Told how every webhook delivery was answered, for the service's metrics; calls are cheap and never throw. */
@FunctionalInterface
public interface DeliveryListener {

    /**
     * @param forge the endpoint's forge ({@code github}, {@code gitlab}, ...), or {@code unknown} for a path no
     *     forge has: never what the sender wrote, so that a metric's labels stay few
     */
    void answered(String forge, DeliveryOutcome outcome);
}
