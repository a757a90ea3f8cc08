package dev.meshgate.forge;

import java.time.Duration;

/**
 * How often and how patiently a status post is tried again.
 *
 * @param firstDelay the wait before the first retry; each next one doubles it
 * @param attempts tries in all for a forge that fails or cannot be reached
 * @param longestWait the longest meshgate waits for a rate limit to reset before giving the status up
 */
record RetryPolicy(Duration firstDelay, int attempts, Duration longestWait) {

    Duration backoff(int attempt) {
        return firstDelay.multipliedBy(1L << Math.min(attempt - 1, 16));
    }
}
