package dev.meshgate.render;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Kills a rendering process's whole tree at its deadline. Reads from a process block; the kill ends them, so the
 * reading thread needs no polling to keep the time limit.
 */
final class Watchdog implements AutoCloseable {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final AtomicBoolean fired = new AtomicBoolean();
    private final ScheduledFuture<?> kill;

    private Watchdog(ProcessHandle process, Duration timeout) {
        this.kill = TIMER.schedule(
                () -> {
                    fired.set(true);
                    ProcessTree.kill(process);
                },
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /** Starts watching: the process tree dies at the deadline unless the watchdog is closed before. */
    static Watchdog arm(Process process, Duration timeout) {
        return new Watchdog(process.toHandle(), timeout);
    }

    /**
     * Whether the deadline passed and the process was killed; once true, the process tree has exited (waits for the
     * kill in progress).
     */
    boolean fired() {
        if (kill.isDone() || !fired.get()) {
            return fired.get();
        }
        try {
            kill.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
            // the kill itself failed: the process is reported as timed out all the same
        }
        return true;
    }

    @Override
    public void close() {
        kill.cancel(false);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "meshgate-render-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
