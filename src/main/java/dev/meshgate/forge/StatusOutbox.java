package dev.meshgate.forge;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Posts statuses on a thread of its own, so that a slow or failing forge never holds a webhook's answer or a run.
 * Retries with a doubling backoff on 5xx and transport failures, waits out rate limits, skips a post that repeats the
 * last one of its key, and drops any attempt after a wait (a backoff or a rate limit's) that a newer status of the same
 * key has overtaken, here or, through the post's ticket, in the durable outbox of any replica. Posts run one at
 * a time in the order they came, so every status is seen in turn and pending can never land after the verdict.
 */
final class StatusOutbox implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StatusOutbox.class);
    private static final int REMEMBERED_KEYS = 10_000;
    private static final int EXCERPT = 200;

    /** Runs an attempt again after a delay: a backoff or a rate limit's wait. */
    @FunctionalInterface
    interface RetryScheduler {

        /** On the outbox's own thread once the delay is over, so that posts still run one at a time. */
        RetryScheduler AFTER_DELAY =
                (thread, retry, delay) -> thread.schedule(retry, delay.toMillis(), TimeUnit.MILLISECONDS);

        void schedule(ScheduledExecutorService thread, Runnable retry, Duration delay);
    }

    private final ScheduledExecutorService thread;
    private final RetryScheduler retries;
    private final RetryPolicy policy;
    private final Clock clock;
    private volatile PostObserver observer = PostObserver.NONE;
    /** When the attempt under way started ({@link System#nanoTime()}), or 0 between attempts. */
    private volatile long attemptStarted;

    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Long> newest = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Object> lastPosted = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > REMEMBERED_KEYS;
        }
    });

    StatusOutbox(RetryPolicy policy, Clock clock) {
        this(policy, clock, RetryScheduler.AFTER_DELAY);
    }

    /** Tests hand retries to a scheduler of their own, so that they run one when they choose instead of waiting. */
    StatusOutbox(RetryPolicy policy, Clock clock, RetryScheduler retries) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "meshgate-statuses");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.thread = executor;
        this.retries = retries;
        this.policy = policy;
        this.clock = clock;
    }

    /** Tells the observer how each attempt ends. */
    StatusOutbox observedBy(PostObserver observer) {
        this.observer = observer;
        return this;
    }

    /** Whether the thread takes posts, how long the attempt under way has taken, and how many posts wait. */
    OutboxState state() {
        long started = attemptStarted;
        return new OutboxState(
                !thread.isShutdown(),
                started == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(System.nanoTime() - started)),
                ((ScheduledThreadPoolExecutor) thread).getQueue().size());
    }

    void submit(StatusPost post) {
        long number = sequence.incrementAndGet();
        newest.put(post.key(), number);
        try {
            thread.execute(() -> attempt(post, number, 1, false));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Stopping: the post stays unsettled, so a durable outbox hands it to the next start.
            LOG.infof("meshgate is stopping: the status of %s is left for the next start", post.label());
        }
    }

    /** @param waited whether the attempt comes after a wait (a backoff or a rate limit), when a newer post may exist */
    private void attempt(StatusPost post, long number, int attempt, boolean waited) {
        if (waited && (newest.getOrDefault(post.key(), number) != number || !current(post))) {
            // A newer status of the same commit and context exists: this attempt would put an older state over it,
            // whether it follows a backoff or a rate limit's wait (which keeps the attempt number).
            LOG.debugf("%s overtaken by a newer status: not posted", post.label());
            post.ticket().settled();
            return;
        }
        if (post.content().equals(lastPosted.get(post.key()))) {
            LOG.debugf("%s unchanged: not posted again", post.label());
            post.ticket().settled();
            return;
        }
        long started = System.nanoTime();
        attemptStarted = started;
        PostResult result;
        try {
            result = send(post, number, attempt);
        } finally {
            attemptStarted = 0;
        }
        if (result != PostResult.RETRY && result != PostResult.RATE_LIMITED) {
            post.ticket().settled();
        }
        observer.attempted(post.forge(), result, Duration.ofNanos(System.nanoTime() - started));
    }

    private PostResult send(StatusPost post, long number, int attempt) {
        Response response;
        try {
            response = post.send().get();
        } catch (WebApplicationException e) {
            response = e.getResponse();
        } catch (ProcessingException | IllegalArgumentException e) {
            return retryOrGiveUp(post, number, attempt, rootMessage(e));
        } catch (RuntimeException e) {
            // An answer the forge should not have given (a token without expiry...): log it, never kill the thread.
            LOG.errorf("posting to %s failed: %s", post.label(), rootMessage(e));
            return PostResult.FAILED;
        }
        int status = response.getStatus();
        if (status / 100 == 2 || isGitLabRepeat(response)) {
            lastPosted.put(post.key(), post.content());
            LOG.debugf("posted to %s", post.label());
            return PostResult.POSTED;
        }
        Optional<Duration> rateLimit = RateLimit.waitFor(response, clock.instant());
        if (rateLimit.isPresent()) {
            return waitOutRateLimit(post, number, attempt, rateLimit.get());
        } else if (status >= 500) {
            return retryOrGiveUp(post, number, attempt, "HTTP " + status);
        }
        LOG.warnf("the forge refused the status of %s: HTTP %d %s", post.label(), status, excerpt(response));
        return PostResult.REFUSED;
    }

    /** Asks the post's keeper; a keeper that cannot tell (its store unreachable) lets the attempt go ahead. */
    private static boolean current(StatusPost post) {
        try {
            return post.ticket().current();
        } catch (RuntimeException e) {
            LOG.debugf("whether %s is still current is unknown (%s): posting", post.label(), e.getMessage());
            return true;
        }
    }

    private PostResult retryOrGiveUp(StatusPost post, long number, int attempt, String reason) {
        if (attempt >= policy.attempts()) {
            LOG.errorf("the status of %s could not be posted after %d attempts: %s", post.label(), attempt, reason);
            return PostResult.FAILED;
        }
        Duration delay = policy.backoff(attempt);
        LOG.infof("posting the status of %s failed (%s); trying again in %s", post.label(), reason, delay);
        schedule(post, number, attempt + 1, delay);
        return PostResult.RETRY;
    }

    private PostResult waitOutRateLimit(StatusPost post, long number, int attempt, Duration wait) {
        if (wait.compareTo(policy.longestWait()) > 0) {
            LOG.errorf(
                    "the forge's rate limit resets in %s, later than meshgate waits: the status of %s is not posted",
                    wait, post.label());
            return PostResult.REFUSED;
        }
        LOG.warnf("the forge's rate limit is reached; the status of %s waits %s", post.label(), wait);
        schedule(post, number, attempt, wait);
        return PostResult.RATE_LIMITED;
    }

    private void schedule(StatusPost post, long number, int attempt, Duration delay) {
        try {
            retries.schedule(thread, () -> attempt(post, number, attempt, true), delay);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.infof("meshgate is stopping: the status of %s is left for the next start", post.label());
        }
    }

    /** GitLab refuses to set a state a status already has; the forge already shows it, so it counts as posted. */
    private static boolean isGitLabRepeat(Response response) {
        return response.getStatus() == 400 && excerpt(response).contains("Cannot transition status");
    }

    private static String excerpt(Response response) {
        try {
            response.bufferEntity();
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            return body.length() > EXCERPT ? body.substring(0, EXCERPT) + "..." : body;
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /**
     * Waits briefly for posts under way, so that a stopping service still sends the statuses it has; retries still
     * waiting are dropped unsettled, and a durable outbox hands them to the next start.
     */
    @Override
    public void close() {
        if (thread instanceof ScheduledThreadPoolExecutor executor) {
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
