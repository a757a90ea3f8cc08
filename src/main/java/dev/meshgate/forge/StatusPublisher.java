package dev.meshgate.forge;

import dev.meshgate.revision.Revision;

/** Tells a forge what meshgate found about a revision's commit. */
public interface StatusPublisher {

    /**
     * Posts the status for the revision's commit; never throws for a forge that is down or refuses, it logs instead,
     * since a status that cannot be posted must not fail the run.
     */
    void publish(Revision revision, CommitStatus status);

    /**
     * Posts the status as {@link #publish(Revision, CommitStatus)} does and settles the ticket; a publisher that retries
     * asks the ticket before every attempt after a wait.
     */
    default void publish(Revision revision, CommitStatus status, PostTicket ticket) {
        publish(revision, status);
        ticket.settled();
    }

    /**
     * Creates or edits meshgate's one summary comment on the revision's change request, where the forge has
     * comments; never throws.
     *
     * @param context the status context, so that two meshgate gates on one repository keep a comment each
     */
    default void comment(Revision revision, String context, String markdown) {}

    /** Posts the comment as {@link #comment(Revision, String, String)} does and settles the ticket. */
    default void comment(Revision revision, String context, String markdown, PostTicket ticket) {
        comment(revision, context, markdown);
        ticket.settled();
    }

    /**
     * Reports the verdict with every finding at its file and line where the forge can (GitHub's Checks API, as a
     * GitHub App); never throws.
     *
     * @param report the run's JSON report (findings and summary), or null when meshgate could not validate
     */
    default void checkRun(Revision revision, CommitStatus verdict, dev.meshgate.report.Report report) {}

    /** Posts the check run as {@link #checkRun} does and settles the ticket. */
    default void checkRun(
            Revision revision, CommitStatus verdict, dev.meshgate.report.Report report, PostTicket ticket) {
        checkRun(revision, verdict, report);
        ticket.settled();
    }
}
