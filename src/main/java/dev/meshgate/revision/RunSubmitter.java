package dev.meshgate.revision;

import java.time.Duration;

/** Accepts revisions for validation: what webhook endpoints and {@code POST /api/v1/runs} hand their work to. */
public interface RunSubmitter {

    /**
     * Queues a run of the revision, unless the same delivery or the same commit is already queued or done; never blocks.
     *
     * @param deliveryId the forge's delivery id (the same on redelivery), or null
     */
    Submission submit(Revision revision, String deliveryId);

    /** What became of a submission. */
    sealed interface Submission {}

    /** Queued now, or found already queued or finished ({@code duplicate}); either way the run to look at. */
    record Accepted(String runId, boolean duplicate) implements Submission {}

    /**
     * Not taken now (the queue is full, or the disk is): the sender should try again after the delay.
     *
     * @param reason what to tell the sender, a sentence without the delay
     */
    record Refused(String reason, Duration retryAfter) implements Submission {}
}
