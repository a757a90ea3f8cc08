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
     * Creates or edits meshgate's one summary comment on the revision's change request, where the forge has
     * comments; never throws.
     *
     * @param context the status context, so that two meshgate gates on one repository keep a comment each
     */
    default void comment(Revision revision, String context, String markdown) {}

    /**
     * Reports the verdict with every finding at its file and line where the forge can (GitHub's Checks API, as a
     * GitHub App); never throws.
     *
     * @param report the run's JSON report (findings and summary), or null when meshgate could not validate
     */
    default void checkRun(Revision revision, CommitStatus verdict, dev.meshgate.report.Report report) {}
}
