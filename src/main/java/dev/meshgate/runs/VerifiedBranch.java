package dev.meshgate.runs;

import dev.meshgate.git.BranchUpdate;
import dev.meshgate.git.GitException;
import dev.meshgate.git.MirrorCache;
import dev.meshgate.revision.RepositoryUrl;
import dev.meshgate.revision.Revision;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;

/**
 * Moves a branch such as {@code meshgate/verified} to each passing commit of the tracked branch, so that a Flux
 * GitRepository or an Argo CD targetRevision following it never sees a failing commit. Only fast-forwards: a commit
 * that passes after a newer one already moved the branch is left behind, and nothing is ever forced.
 */
final class VerifiedBranch {

    private final MirrorCache mirrors;
    private final String branch;
    private final String trackedRef;

    VerifiedBranch(MirrorCache mirrors, String branch, String trackedBranch) {
        this.mirrors = mirrors;
        this.branch = branch;
        this.trackedRef = Constants.R_HEADS + trackedBranch;
    }

    /** For a passing push to the tracked branch, moves the verified branch; returns what to tell the reader. */
    Optional<String> advance(Revision revision, RepositoryUrl url, String sha) {
        if (revision.isChangeRequest() || !trackedRef.equals(revision.ref())) {
            return Optional.empty();
        }
        try {
            BranchUpdate update = mirrors.fastForward(url, branch, sha);
            return Optional.of(
                    switch (update.outcome()) {
                        case MOVED -> branch + " moved to this commit";
                        case UNCHANGED -> branch + " already pointed at this commit";
                        case REJECTED -> branch + " not moved: " + update.detail();
                        case FAILED -> branch + " could not be moved: " + update.detail();
                    });
        } catch (GitException e) {
            return Optional.of(branch + " could not be moved: " + e.getMessage());
        }
    }
}
