package dev.meshgate.runs;

import dev.meshgate.forge.CommitStatus;
import dev.meshgate.forge.StatusPublisher;
import dev.meshgate.revision.Revision;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Records every status, in order, per commit, and every change request comment; tests can await the next status. */
final class RecordingPublisher implements StatusPublisher {

    private record Posted(String sha, CommitStatus status) {}

    private final List<Posted> posted = new CopyOnWriteArrayList<>();
    final List<String> comments = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Revision revision, CommitStatus status) {
        posted.add(new Posted(revision.sha(), status));
        synchronized (this) {
            notifyAll();
        }
    }

    /** How many statuses were published so far, for {@link #awaitMoreThan}. */
    int count() {
        return posted.size();
    }

    /** Waits until more than that many statuses were published; false once the deadline (System.nanoTime) passed. */
    synchronized boolean awaitMoreThan(int count, long deadline) throws InterruptedException {
        while (posted.size() <= count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public void comment(Revision revision, String context, String markdown) {
        comments.add("#" + revision.changeRequest() + " " + context + "\n" + markdown);
    }

    List<CommitStatus.State> states(String sha) {
        return statuses(sha).stream().map(CommitStatus::state).toList();
    }

    CommitStatus last(String sha) {
        List<CommitStatus> all = statuses(sha);
        return all.get(all.size() - 1);
    }

    private List<CommitStatus> statuses(String sha) {
        return posted.stream()
                .filter(p -> p.sha().equals(sha))
                .map(Posted::status)
                .toList();
    }
}
