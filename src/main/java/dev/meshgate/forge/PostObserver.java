package dev.meshgate.forge;

import java.time.Duration;

/** Told how every attempt to post a status, comment or check run went, for the service's metrics; never throws. */
@FunctionalInterface
public interface PostObserver {

    /** Observes nothing. */
    PostObserver NONE = (forge, result, took) -> {};

    /**
     * @param forge the forge's name ({@code github}, {@code gitlab}, ...)
     * @param took from sending the request to its answer or failure
     */
    void attempted(String forge, PostResult result, Duration took);
}
