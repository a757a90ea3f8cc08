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
 * @param keepRuns how many run records are kept; the oldest finished ones go first
 * @param lease how long a replica's claim on its runs and posts lasts unless renewed; a replica that died loses its
 *     work to the others after this long
 * @param poll how often an idle replica looks for work other replicas wrote or left
 * @param minFreeDiskBytes the free space of the data folder's disk below which new runs are refused, for a checkout
 *     that cannot be written fails half-way and a record that cannot be written loses the delivery
 */
public record RunSettings(
        Path dataDirectory,
        int workers,
        int queueCapacity,
        String publicUrl,
        String statusContext,
        int keepRuns,
        Duration lease,
        Duration poll,
        long minFreeDiskBytes) {

    /** The free disk space kept by default. */
    public static final long DEFAULT_MIN_FREE_DISK = 64L * 1024 * 1024;

    /** With the default lease (30 s), poll (1 s) and free disk (64 MiB). */
    public RunSettings(
            Path dataDirectory, int workers, int queueCapacity, String publicUrl, String statusContext, int keepRuns) {
        this(
                dataDirectory,
                workers,
                queueCapacity,
                publicUrl,
                statusContext,
                keepRuns,
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                DEFAULT_MIN_FREE_DISK);
    }

    /** How long a sender is told to wait when the queue is full. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    public RunSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("meshgate.runs.workers must be at least 1, not " + workers);
        }
        if (keepRuns < 1) {
            throw new IllegalArgumentException("meshgate.runs.keep must be at least 1, not " + keepRuns);
        }
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("meshgate.store.lease must be at least 1s, not " + lease);
        }
        if (minFreeDiskBytes < 0) {
            throw new IllegalArgumentException("meshgate.runs.min-free-disk cannot be negative");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("meshgate.runs.queue-capacity must be at least 1, not " + queueCapacity);
        }
    }

    String reportUrl(String runId) {
        return new ReportLinks(publicUrl).reportUrl(runId);
    }
}
