package dev.meshgate.runs;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How runs are worked off.
 *
 * @param dataDirectory where run records ({@code runs/}) and working folders ({@code work/}) live
 * @param workers runs worked on at once
 * @param queueCapacity runs waiting at most; more are refused with a retry delay
 * @param publicUrl the address users reach meshgate at, for links to report pages
 * @param statusContext the name of meshgate's commit status on the forge
 * @param keepRuns how many finished run records are kept; the oldest go first
 */
public record RunSettings(
        Path dataDirectory, int workers, int queueCapacity, String publicUrl, String statusContext, int keepRuns) {

    /** How long a sender is told to wait when the queue is full. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    public RunSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("meshgate.runs.workers must be at least 1, not " + workers);
        }
        if (keepRuns < 1) {
            throw new IllegalArgumentException("meshgate.runs.keep must be at least 1, not " + keepRuns);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("meshgate.runs.queue-capacity must be at least 1, not " + queueCapacity);
        }
    }

    String reportUrl(String runId) {
        return new ReportLinks(publicUrl).reportUrl(runId);
    }
}
