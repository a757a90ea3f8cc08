package dev.meshgate.forge;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Reads how long a forge asks to wait from its rate-limit headers ({@code Retry-After}, {@code X-RateLimit-*}). */
final class RateLimit {

    private RateLimit() {}

    /** The wait a 403 or 429 answer asks for; empty when the answer is not about a rate limit. */
    static Optional<Duration> waitFor(Response response, Instant now) {
        int status = response.getStatus();
        if (status != 429 && status != 403) {
            return Optional.empty();
        }
        String retryAfter = response.getHeaderString("Retry-After");
        if (retryAfter != null && retryAfter.strip().matches("\\d+")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.strip())));
        }
        String remaining = firstHeader(response, "X-RateLimit-Remaining", "RateLimit-Remaining");
        String reset = firstHeader(response, "X-RateLimit-Reset", "RateLimit-Reset");
        if ("0".equals(remaining) && reset != null && reset.strip().matches("\\d+")) {
            Duration untilReset = Duration.between(now, Instant.ofEpochSecond(Long.parseLong(reset.strip())));
            return Optional.of(untilReset.isNegative() ? Duration.ZERO : untilReset);
        }
        // A 429 without headers is still a rate limit; a bare 403 is a refusal.
        return status == 429 ? Optional.of(Duration.ofMinutes(1)) : Optional.empty();
    }

    private static String firstHeader(Response response, String... names) {
        for (String name : names) {
            String value = response.getHeaderString(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
