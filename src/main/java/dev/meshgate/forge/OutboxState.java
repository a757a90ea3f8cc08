package dev.meshgate.forge;

import java.time.Duration;
import java.util.Optional;

/**
 * How the status outbox is doing.
 *
 * @param running whether its thread takes posts (false once the service stops)
 * @param busyFor how long the attempt under way has taken; empty between attempts
 * @param waiting posts queued or waiting for a retry
 */
public record OutboxState(boolean running, Optional<Duration> busyFor, int waiting) {}
