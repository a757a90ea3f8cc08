package dev.meshgate.runs;

import dev.meshgate.forge.CommitStatus;

/** Where a run is in its life; the last four are final. */
public enum RunState {
    QUEUED,
    RUNNING,
    PASSED,
    FAILED,
    /** meshgate could not reach a verdict: the checkout failed, a limit was hit, the repository's config is broken. */
    ERROR,
    /** A newer commit of the same branch or change request replaced it before it finished. */
    SUPERSEDED;

    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }

    /** The commit status this state is shown as. */
    CommitStatus.State status() {
        return switch (this) {
            case QUEUED, RUNNING -> CommitStatus.State.PENDING;
            case PASSED -> CommitStatus.State.SUCCESS;
            case FAILED -> CommitStatus.State.FAILURE;
            case ERROR, SUPERSEDED -> CommitStatus.State.ERROR;
        };
    }
}
