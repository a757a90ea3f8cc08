package dev.meshgate.runs;

import dev.meshgate.forge.PostTicket;
import dev.meshgate.forge.StatusPublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Hands the durable outbox's posts to the forge publisher, oldest first: those this replica wrote, those a stop left
 * unsettled, and those of replicas whose lease ran out. Each post's ticket asks the store, before every attempt,
 * whether a newer post of its key exists (written by any replica), and crosses the post off once it settled.
 */
final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final RunStore store;
    private final StatusPublisher publisher;
    private final String replica;
    private final Clock clock;
    private final Duration poll;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread thread;
    private boolean nudged;

    OutboxRelay(RunStore store, StatusPublisher publisher, String replica, Clock clock, Duration poll) {
        this.store = store;
        this.publisher = publisher;
        this.replica = replica;
        this.clock = clock;
        this.poll = poll;
        this.thread = new Thread(this::relay, "meshgate-outbox");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Tells the relay that posts were written. */
    void nudge() {
        synchronized (signal) {
            nudged = true;
            signal.notifyAll();
        }
    }

    private void relay() {
        while (!stopped.get()) {
            try {
                List<OutboxPost> posts = store.claimPosts(replica, clock.instant(), BATCH);
                for (OutboxPost post : posts) {
                    if (!stopped.get() && inFlight.add(post.seq())) {
                        hand(post);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf("the status outbox could not be read: %s", e.getMessage());
            }
            awaitNudge();
        }
    }

    private void awaitNudge() {
        synchronized (signal) {
            if (!nudged && !stopped.get()) {
                try {
                    signal.wait(poll.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped.set(true);
                }
            }
            nudged = false;
        }
    }

    private void hand(OutboxPost post) {
        PostTicket ticket = new PostTicket() {
            @Override
            public boolean current() {
                return store.newestOfItsKey(post);
            }

            @Override
            public void settled() {
                try {
                    store.settle(post);
                } catch (RuntimeException e) {
                    LOG.warnf("a settled post could not be crossed off (%s); it is posted again later", e.getMessage());
                }
                inFlight.remove(post.seq());
                nudge(); // the next post of the same key may go now
            }
        };
        Optional<Run> run = store.get(post.runId());
        if (run.isEmpty()) {
            ticket.settled(); // pruned meanwhile
            return;
        }
        try {
            switch (post.kind()) {
                case STATUS -> publisher.publish(run.get().revision(), post.status(), ticket);
                case COMMENT -> publisher.comment(
                        run.get().revision(), post.status().context(), post.body(), ticket);
                case CHECK_RUN -> publisher.checkRun(
                        run.get().revision(), post.status(), run.get().report(), ticket);
            }
        } catch (RuntimeException e) {
            // A publisher should not throw; if one does, the post stays unsettled for the next start.
            LOG.warnf("the %s of run %s could not be handed on: %s", post.kind(), post.runId(), e.getMessage());
        }
    }

    @Override
    public void close() {
        stopped.set(true);
        nudge();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
