package dev.meshgate.forge;

import java.util.Locale;

/** How one attempt to post to a forge ended. */
public enum PostResult {
    /** The forge took it (or already showed it). */
    POSTED,
    /** A 5xx or transport failure; the post is tried again after a backoff. */
    RETRY,
    /** The forge's rate limit is reached; the post waits for it to reset and is tried again. */
    RATE_LIMITED,
    /** The forge refused it (4xx), or its rate limit resets later than meshgate waits: not tried again. */
    REFUSED,
    /** Every attempt failed, or the forge answered what meshgate cannot use: the post is given up. */
    FAILED;

    /** The name as a metric's label shows it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
