package dev.meshgate.runs;

import dev.meshgate.forge.CommitStatus;
import dev.meshgate.forge.StatusPublisher;
import dev.meshgate.revision.Revision;
import dev.meshgate.revision.RunSubmitter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Accepts revisions and works them off on a bounded pool: a delivery or a commit seen before is not run again, a newer
 * commit of the same branch or change request supersedes an older one still waiting or running, a full queue says
 * so, and runs accepted before a restart are resumed.
 */
public final class RunQueue implements RunSubmitter, AutoCloseable {

    private static final java.time.Duration SETTLE = java.time.Duration.ofMillis(50);
    private static final java.time.Duration MAX_SETTLE = java.time.Duration.ofMillis(500);
    private static final long SETTLE_POLL_MILLIS = 10;

    private volatile long lastSubmission;

    private static final Logger LOG = Logger.getLogger(RunQueue.class);

    private final RunStore store;
    private final RunWorker worker;
    private final StatusPublisher publisher;
    private final RunSettings settings;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private volatile RunObserver observer = RunObserver.NONE;
    private final Map<String, String> runByDelivery = new ConcurrentHashMap<>();
    // Indexes over the run records, so that a delivery is not a scan of every record ever kept.
    private final Map<String, List<String>> runsByCommit = new ConcurrentHashMap<>();
    private final Map<String, java.util.Set<String>> unfinishedByLine = new ConcurrentHashMap<>();

    public RunQueue(RunStore store, RunWorker worker, StatusPublisher publisher, RunSettings settings, Clock clock) {
        this.store = store;
        this.worker = worker;
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                settings.workers(),
                settings.workers(),
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()),
                task -> {
                    Thread thread = new Thread(task, "meshgate-run-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        List<Run> known = store.find(run -> true);
        for (int i = known.size() - 1; i >= 0; i--) {
            Run run = known.get(i);
            run.deliveryIds().forEach(delivery -> runByDelivery.put(delivery, run.id()));
            index(run);
        }
    }

    /** Tells the observer the final state of every run from now on. */
    public RunQueue observedBy(RunObserver observer) {
        this.observer = observer;
        return this;
    }

    /** Whether the workers take runs: false once the queue is closed. */
    public boolean isWorking() {
        return !executor.isShutdown();
    }

    /** Queues again the runs a stop interrupted, oldest first. */
    public void resume() {
        List<Run> unfinished = store.find(run -> !run.state().isFinal());
        for (int i = unfinished.size() - 1; i >= 0; i--) {
            Run run = store.update(unfinished.get(i).id(), Run::queuedAgain);
            LOG.infof("resuming run %s of %s", run.id(), run.revision().line());
            enqueue(run);
        }
    }

    @Override
    public synchronized Submission submit(Revision revision, String deliveryId) {
        lastSubmission = System.nanoTime();
        String known = deliveryId == null ? null : runByDelivery.get(deliveryId);
        if (known != null) {
            return new Accepted(known, true);
        }
        Optional<Run> same = sameCommit(revision);
        if (same.isPresent()) {
            remember(store.update(same.get().id(), run -> run.withDelivery(deliveryId)), deliveryId);
            return new Accepted(same.get().id(), true);
        }
        if (executor.getQueue().remainingCapacity() == 0) {
            LOG.warnf("queue full (%d runs waiting): %s refused", settings.queueCapacity(), revision.line());
            return new QueueFull(RunSettings.RETRY_AFTER);
        }
        Run run = Run.accepted(UUID.randomUUID().toString().substring(0, 13), revision, deliveryId, clock.instant());
        store.save(run);
        index(run);
        remember(run, deliveryId);
        supersedeOlder(run);
        publish(run);
        enqueue(run);
        return new Accepted(run.id(), false);
    }

    /** A run of the same commit of the same repository that did or will reach a verdict. */
    private Optional<Run> sameCommit(Revision revision) {
        List<String> ids = runsByCommit.getOrDefault(commitKey(revision.cloneUrl(), revision.sha()), List.of());
        for (int i = ids.size() - 1; i >= 0; i--) {
            Optional<Run> run = store.get(ids.get(i));
            if (run.isPresent()
                    && run.get().state() != RunState.SUPERSEDED
                    && run.get().state() != RunState.ERROR) {
                return run;
            }
        }
        return Optional.empty();
    }

    private static String commitKey(String cloneUrl, String sha) {
        return cloneUrl + " " + sha;
    }

    /** Files a run under its commit (as named and, once known, in full) and, while unfinished, under its line. */
    private void index(Run run) {
        List<String> commitKeys = new ArrayList<>(
                List.of(commitKey(run.revision().cloneUrl(), run.revision().sha())));
        if (run.sha() != null && !run.sha().equals(run.revision().sha())) {
            commitKeys.add(commitKey(run.revision().cloneUrl(), run.sha()));
        }
        for (String key : commitKeys) {
            List<String> ids =
                    runsByCommit.computeIfAbsent(key, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
            if (!ids.contains(run.id())) {
                ids.add(run.id());
            }
        }
        if (!run.state().isFinal()) {
            unfinishedByLine
                    .computeIfAbsent(run.revision().line(), k -> ConcurrentHashMap.newKeySet())
                    .add(run.id());
        }
    }

    private void remember(Run run, String deliveryId) {
        if (deliveryId != null) {
            runByDelivery.put(deliveryId, run.id());
        }
    }

    private void supersedeOlder(Run newer) {
        java.util.Set<String> unfinished =
                unfinishedByLine.getOrDefault(newer.revision().line(), java.util.Set.of());
        for (String id : List.copyOf(unfinished)) {
            Optional<Run> older = store.get(id);
            if (older.isEmpty() || older.get().state().isFinal()) {
                unfinished.remove(id); // finished or pruned since it was filed
                continue;
            }
            if (id.equals(newer.id())) {
                continue;
            }
            Run superseded =
                    store.update(id, run -> run.state().isFinal() ? run : run.supersededBy(newer, clock.instant()));
            if (superseded.state() == RunState.SUPERSEDED) {
                unfinished.remove(id);
                observer.finished(RunState.SUPERSEDED);
                publish(superseded);
            }
        }
    }

    private void enqueue(Run run) {
        try {
            executor.execute(() -> work(run.id()));
        } catch (RejectedExecutionException e) {
            Run refused = store.update(
                    run.id(),
                    current -> current.finished(
                            RunOutcome.error(null, "meshgate's queue was full when this run was resumed"),
                            clock.instant()));
            observer.finished(refused.state());
            publish(refused);
        }
    }

    private void work(String id) {
        awaitQuiet();
        Run started = store.update(id, run -> run.state() == RunState.QUEUED ? run.started(clock.instant()) : run);
        if (started.state() != RunState.RUNNING) {
            return;
        }
        RunOutcome outcome = worker.run(started);
        if (executor.isShutdown()) {
            // Stopped mid-run: the record stays running, and the next start runs it again from the beginning.
            return;
        }
        Run finished =
                store.update(id, run -> run.state() == RunState.RUNNING ? run.finished(outcome, clock.instant()) : run);
        index(finished);
        if (finished.state().isFinal() && finished.state() != RunState.SUPERSEDED) {
            observer.finished(finished.state());
            LOG.infof(
                    "run %s of %s at %s: %s, %s",
                    id, finished.revision().line(), finished.sha(), finished.state(), finished.description());
            publish(finished);
            checkRun(finished);
            if (finished.revision().isChangeRequest()) {
                publisher.comment(
                        finished.revision(),
                        settings.statusContext(),
                        SummaryComment.markdown(finished, settings.reportUrl(finished.id())));
            }
            store.prune(settings.keepRuns());
        }
    }

    private void checkRun(Run run) {
        try {
            publisher.checkRun(run.revision(), status(run), run.report());
        } catch (RuntimeException e) {
            LOG.warnf("the check run of run %s could not be posted: %s", run.id(), e.getMessage());
        }
    }

    private CommitStatus status(Run run) {
        return new CommitStatus(
                run.state().status(), run.description(), settings.reportUrl(run.id()), settings.statusContext());
    }

    private void comment(Run run) {
        try {
            publisher.comment(
                    run.revision(),
                    settings.statusContext(),
                    SummaryComment.markdown(run, settings.reportUrl(run.id())));
        } catch (RuntimeException e) {
            LOG.warnf("the summary comment of run %s could not be posted: %s", run.id(), e.getMessage());
        }
    }

    private void publish(Run run) {
        CommitStatus status = status(run);
        try {
            publisher.publish(run.revision(), status);
        } catch (RuntimeException e) {
            // A publisher should not throw; if one does, the run's record still holds the verdict.
            LOG.warnf("the status of run %s could not be posted: %s", run.id(), e.getMessage());
        }
    }

    /**
     * Lets a burst of deliveries finish arriving before a run takes the CPU: the acknowledgements stay fast, and a push
     * that lands right after another supersedes it before it has started. Bounded, so a steady stream still runs.
     */
    private void awaitQuiet() {
        long waitedUntil = System.nanoTime() + MAX_SETTLE.toNanos();
        try {
            while (System.nanoTime() - lastSubmission < SETTLE.toNanos() && System.nanoTime() < waitedUntil) {
                Thread.sleep(SETTLE_POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking work; what is queued stays recorded and is resumed at the next start. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
