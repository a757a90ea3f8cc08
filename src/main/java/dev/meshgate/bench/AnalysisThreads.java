package dev.meshgate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The threads an analysis runs on, this one and the common pool's workers (which share its rules out), with the CPU
 * time and bytes they have spent so far: the analysis' own cost, without the collector's and the compiler's threads
 * that a process-wide figure would add.
 */
final class AnalysisThreads {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    // The bytes a thread allocated do not depend on when the collector runs, so the figure holds under load.
    private static final com.sun.management.ThreadMXBean ALLOCATED =
            THREADS instanceof com.sun.management.ThreadMXBean threads ? threads : null;

    private static final String POOL_WORKER = "ForkJoinPool.commonPool-worker-";

    private final long[] ids;

    private AnalysisThreads(long[] ids) {
        this.ids = ids;
    }

    /** This thread and the common pool's workers that are alive now. */
    static AnalysisThreads now() {
        List<Long> ids = new ArrayList<>();
        ids.add(Thread.currentThread().getId());
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(POOL_WORKER)) {
                ids.add(thread.getId());
            }
        }
        return new AnalysisThreads(ids.stream().mapToLong(Long::longValue).toArray());
    }

    /** Their CPU time so far; a thread that has ended counts nothing. */
    long cpuNanos() {
        return Arrays.stream(ids)
                .map(id -> Math.max(0, THREADS.getThreadCpuTime(id)))
                .sum();
    }

    /** The bytes they have allocated so far, or 0 where the JVM hides it. */
    long allocatedBytes() {
        if (ALLOCATED == null) {
            return 0;
        }
        return Arrays.stream(ALLOCATED.getThreadAllocatedBytes(ids))
                .map(bytes -> Math.max(0, bytes))
                .sum();
    }
}
