package dev.meshgate.runs;

import dev.meshgate.forge.CommitStatus;

/**
 * One entry of the durable status outbox: what to post about a run, written in the same transaction that changed
 * the run, and crossed off once the forge took it (or refused it for good).
 *
 * @param seq the entry's place in the outbox, 0 before it is written
 * @param key what a newer entry replaces: the repository, commit (or change request) and context of the post
 * @param body the comment's Markdown, for comments only
 */
record OutboxPost(long seq, String key, String runId, Kind kind, CommitStatus status, String body) {

    /** What is posted. */
    enum Kind {
        STATUS,
        COMMENT,
        CHECK_RUN
    }

    static OutboxPost status(Run run, CommitStatus status) {
        return new OutboxPost(0, commitKey("status", run, status), run.id(), Kind.STATUS, status, null);
    }

    static OutboxPost checkRun(Run run, CommitStatus verdict) {
        return new OutboxPost(0, commitKey("check", run, verdict), run.id(), Kind.CHECK_RUN, verdict, null);
    }

    static OutboxPost comment(Run run, CommitStatus verdict, String markdown) {
        String key = "comment " + run.revision().cloneUrl() + " #"
                + run.revision().changeRequest() + " " + verdict.context();
        return new OutboxPost(0, key, run.id(), Kind.COMMENT, verdict, markdown);
    }

    /** By the commit as the forge named it: the status the forge shows is the one posted for that sha. */
    private static String commitKey(String what, Run run, CommitStatus status) {
        return what + " " + run.revision().cloneUrl() + " " + run.revision().sha() + " " + status.context();
    }

    OutboxPost numbered(long number) {
        return new OutboxPost(number, key, runId, kind, status, body);
    }
}
