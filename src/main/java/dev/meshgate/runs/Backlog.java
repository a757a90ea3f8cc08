package dev.meshgate.runs;

import java.time.Instant;
import java.util.Optional;

/**
 * The runs waiting for a worker, as the store holds them.
 *
 * @param queued how many runs are queued and not started
 * @param oldestAcceptedAt when the run waiting longest was accepted; empty when none waits
 */
public record Backlog(int queued, Optional<Instant> oldestAcceptedAt) {}
