package dev.meshgate.runs;

import dev.meshgate.git.GitException;
import dev.meshgate.git.MirrorCache;
import dev.meshgate.revision.RepositoryUrl;
import dev.meshgate.revision.Revision;

/** The full commit id of a revision: Bitbucket Cloud names a pull request's head by a 12-character prefix. */
final class FullSha {

    private static final int FULL_SHA_LENGTH = 40;

    private FullSha() {}

    /** The revision's sha when it is whole; else the ref's head, which must start with it. */
    static String of(MirrorCache mirrors, RepositoryUrl url, Revision revision) throws GitException {
        if (revision.sha().length() == FULL_SHA_LENGTH || revision.ref() == null) {
            return revision.sha();
        }
        String head = mirrors.resolve(url, revision.ref());
        if (!head.startsWith(revision.sha())) {
            throw new GitException(
                    GitException.Reason.COMMIT_GONE,
                    revision.ref() + " now points at " + head + ", not at " + revision.sha()
                            + ": a newer push replaced it",
                    null);
        }
        return head;
    }
}
