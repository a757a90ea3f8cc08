package dev.meshgate.git;

import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * What became of moving a branch on the server.
 *
 * @param detail a short account of what happened, never the server's own words
 */
public record BranchUpdate(Outcome outcome, String detail) {

    /** The four things a push of one branch can come to. */
    public enum Outcome {
        MOVED,
        /** The branch already pointed at the commit. */
        UNCHANGED,
        /** Not a fast-forward: the branch has moved past or away from the commit; nothing was forced. */
        REJECTED,
        FAILED
    }

    static BranchUpdate of(RemoteRefUpdate update) {
        return switch (update.getStatus()) {
            case OK -> new BranchUpdate(
                    Outcome.MOVED, "moved to " + update.getNewObjectId().name());
            case UP_TO_DATE -> new BranchUpdate(
                    Outcome.UNCHANGED, "already at " + update.getNewObjectId().name());
            case REJECTED_NONFASTFORWARD -> new BranchUpdate(
                    Outcome.REJECTED, "not a fast-forward: the branch has moved past or away from this commit");
            default -> new BranchUpdate(
                    Outcome.FAILED,
                    // The server's own words stay out: they are whatever the remote chose to answer.
                    "the server refused ("
                            + update.getStatus()
                                    .name()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace('_', ' ') + ")");
        };
    }
}
