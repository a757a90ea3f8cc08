package dev.meshgate.git;

import java.util.List;
import org.eclipse.jgit.lib.ObjectId;

/**
 * What one export wrote, and the submodule commits it found but did not write.
 *
 * @param files files written
 * @param bytes bytes written
 * @param skippedSymlinks symbolic links left out
 * @param gitlinks submodule entries of the tree, by path
 */
record ExportedTree(int files, long bytes, int skippedSymlinks, List<Gitlink> gitlinks) {

    /** A submodule entry: the path in the tree and the commit of the other repository it pins. */
    record Gitlink(String path, ObjectId commit) {}
}
