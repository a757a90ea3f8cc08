package dev.meshgate.git;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.jgit.lib.ProgressMonitor;

/** Cancels a clone or fetch once its time is up: JGit's own timeout bounds each read, not the whole transfer. */
final class DeadlineMonitor implements ProgressMonitor {

    private final Clock clock;
    private final Duration budget;
    private final Instant deadline;

    DeadlineMonitor(Clock clock, Duration budget) {
        this.clock = clock;
        this.budget = budget;
        this.deadline = clock.instant().plus(budget);
    }

    boolean expired() {
        return clock.instant().isAfter(deadline);
    }

    /** The read timeout JGit applies to each socket read: the whole budget, at least one second. */
    int readTimeoutSeconds() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, budget.toSeconds()));
    }

    @Override
    public boolean isCancelled() {
        return expired();
    }

    @Override
    public void start(int totalTasks) {}

    @Override
    public void beginTask(String title, int totalWork) {}

    @Override
    public void update(int completed) {}

    @Override
    public void endTask() {}

    @Override
    public void showDuration(boolean enabled) {}
}
