package dev.meshgate.runs;

import java.time.Duration;

/** Told how long each operation on the run store took, for the service's metrics; calls are cheap and never throw. */
@FunctionalInterface
public interface StoreLatency {

    /** Observes nothing. */
    StoreLatency NONE = (operation, took) -> {};

    /** @param operation {@code read}, {@code write} or {@code prune}: a handful of values, fit for a metric's label */
    void observed(String operation, Duration took);
}
