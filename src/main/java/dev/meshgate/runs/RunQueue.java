package dev.meshgate.runs;

import dev.meshgate.forge.CommitStatus;
import dev.meshgate.forge.StatusPublisher;
import dev.meshgate.revision.Revision;
import dev.meshgate.revision.RunSubmitter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Accepts revisions into the run store and works them off on a bounded number of workers: a delivery or a commit seen
 * before is not run again, a newer commit of the same branch or change request supersedes an older one still waiting
 * or running, a full queue says so. Workers claim runs from the store under this replica's lease, so several replicas
 * on one database share the work, and the runs of a replica that died are taken over once its lease ran out. Every
 * status, comment and check run goes into the store's outbox with the change it reports, and is posted from there.
 */
public final class RunQueue implements RunSubmitter, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RunQueue.class);
    private static final Duration SETTLE = Duration.ofMillis(50);
    private static final Duration MAX_SETTLE = Duration.ofMillis(500);
    private static final Duration SETTLE_POLL = Duration.ofMillis(10);

    private final RunStore store;
    private final RunWorker worker;
    private final RunSettings settings;
    private final Clock clock;
    private final String replica = UUID.randomUUID().toString();
    private final OutboxRelay relay;
    private final ScheduledExecutorService heartbeat;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Object work = new Object();
    private boolean nudged;
    private volatile RunObserver observer = RunObserver.NONE;

    public RunQueue(RunStore store, RunWorker worker, StatusPublisher publisher, RunSettings settings, Clock clock) {
        this.store = store;
        this.worker = worker;
        this.settings = settings;
        this.clock = clock;
        this.relay = new OutboxRelay(store, publisher, replica, clock, settings.poll());
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "meshgate-lease");
            thread.setDaemon(true);
            return thread;
        });
        store.renew(replica, clock.instant().plus(settings.lease()));
        if (store.singleProcess()) {
            store.forgetEarlierProcesses(replica);
        }
    }

    /** Tells the observer the final state of every run from now on. */
    public RunQueue observedBy(RunObserver observer) {
        this.observer = observer;
        return this;
    }

    /** Whether the workers take runs: false once the queue is closed. */
    public boolean isWorking() {
        return !stopping.get();
    }

    /** Starts the workers: runs a stop left unfinished, or that a replica whose lease ran out held, are taken up. */
    public void resume() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        long renewEvery = Math.max(1, settings.lease().toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renewLease, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        relay.start();
        for (int i = 1; i <= settings.workers(); i++) {
            Thread thread = new Thread(this::workLoop, "meshgate-run-" + i);
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
    }

    private void renewLease() {
        try {
            store.renew(replica, clock.instant().plus(settings.lease()));
        } catch (RuntimeException e) {
            LOG.warnf("this replica's lease could not be renewed: %s", e.getMessage());
        }
        nudgeWorkers(); // another replica's work may have become free
    }

    @Override
    public Submission submit(Revision revision, String deliveryId) {
        long free = DiskRoom.usableBytes(settings.dataDirectory());
        if (free < settings.minFreeDiskBytes()) {
            LOG.warnf(
                    "only %d bytes free for the data folder %s (meshgate.runs.min-free-disk is %d): %s refused",
                    free, settings.dataDirectory(), settings.minFreeDiskBytes(), revision.line());
            return new Refused("the disk of meshgate's data folder is full", RunSettings.RETRY_AFTER);
        }
        RunStore.Admission admission = store.admit(
                revision,
                deliveryId,
                settings.queueCapacity(),
                () -> Run.accepted(newId(), revision, deliveryId, clock.instant()),
                (older, newer) -> older.supersededBy(newer, clock.instant()),
                this::posts);
        if (admission instanceof RunStore.Known known) {
            return new Accepted(known.runId(), true);
        }
        if (admission instanceof RunStore.Full) {
            LOG.warnf("queue full (%d runs waiting): %s refused", settings.queueCapacity(), revision.line());
            return new Refused("the run queue is full", RunSettings.RETRY_AFTER);
        }
        RunStore.Admitted admitted = (RunStore.Admitted) admission;
        Run run = admitted.run();
        admitted.superseded().forEach(older -> observer.finished(older.state()));
        relay.nudge();
        nudgeWorkers();
        return new Accepted(run.id(), false);
    }

    /** Long enough that report pages, reachable by their run id alone, cannot be guessed. */
    private static String newId() {
        return RunIds.next();
    }

    /** What to tell the forge about a run in its present state. */
    private List<OutboxPost> posts(Run run) {
        CommitStatus status = status(run);
        List<OutboxPost> posts = new ArrayList<>();
        posts.add(OutboxPost.status(run, status));
        if (run.state().isFinal() && run.state() != RunState.SUPERSEDED) {
            posts.add(OutboxPost.checkRun(run, status));
            if (run.revision().isChangeRequest()) {
                posts.add(OutboxPost.comment(run, status, SummaryComment.markdown(run, settings.reportUrl(run.id()))));
            }
        }
        return posts;
    }

    private CommitStatus status(Run run) {
        return new CommitStatus(
                run.state().status(), run.description(), settings.reportUrl(run.id()), settings.statusContext());
    }

    private void workLoop() {
        while (!stopping.get()) {
            Optional<Run> claimed;
            try {
                claimed = store.claim(replica, clock.instant(), SETTLE, MAX_SETTLE);
            } catch (RuntimeException e) {
                LOG.warnf("no run could be claimed: %s", e.getMessage());
                claimed = Optional.empty();
            }
            if (claimed.isPresent()) {
                work(claimed.get());
            } else {
                awaitWork();
            }
        }
    }

    private void work(Run started) {
        LOG.debugf(
                "run %s of %s claimed by replica %s",
                started.id(), started.revision().line(), replica);
        RunOutcome outcome = worker.run(started);
        if (stopping.get()) {
            // Stopped mid-run: the run is given back, and the next start (or another replica) runs it again.
            return;
        }
        Optional<Run> finished;
        try {
            finished = store.finish(started.id(), replica, run -> run.finished(outcome, clock.instant()), this::posts);
        } catch (RuntimeException e) {
            LOG.errorf("the end of run %s could not be recorded: %s", started.id(), e.getMessage());
            return;
        }
        if (finished.isEmpty()) {
            LOG.infof("run %s was superseded or taken over meanwhile: its verdict is not this replica's", started.id());
            return;
        }
        Run run = finished.get();
        observer.finished(run.state());
        LOG.infof(
                "run %s of %s at %s: %s, %s",
                run.id(), run.revision().line(), run.sha(), run.state(), run.description());
        relay.nudge();
        try {
            store.prune(settings.keepRuns());
        } catch (RuntimeException e) {
            LOG.warnf("old runs could not be pruned: %s", e.getMessage());
        }
    }

    /**
     * Waits for a submission, the lease's beat (another replica's work may be free) or, while runs wait for deliveries
     * to pause, the settle poll: the acknowledgements stay fast, and a push right after another supersedes it before it
     * started.
     */
    private void awaitWork() {
        Duration wait = settings.poll();
        try {
            if (store.anyWaiting()) {
                wait = SETTLE_POLL;
            }
        } catch (RuntimeException e) {
            LOG.debugf("the queue could not be read: %s", e.getMessage());
        }
        synchronized (work) {
            if (!nudged && !stopping.get()) {
                try {
                    work.wait(wait.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping.set(true);
                }
            }
            nudged = false;
        }
    }

    private void nudgeWorkers() {
        synchronized (work) {
            nudged = true;
            work.notifyAll();
        }
    }

    /** Stops taking work; runs under way are given back, and what is queued stays for the next start or replica. */
    @Override
    public void close() {
        stopping.set(true);
        nudgeWorkers();
        workers.forEach(Thread::interrupt);
        for (Thread thread : workers) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        heartbeat.shutdownNow();
        relay.close();
        try {
            store.release(replica);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "this replica's work could not be given back (%s); it is taken over once the lease runs out",
                    e.getMessage());
        }
    }
}
