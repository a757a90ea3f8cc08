package dev.meshgate.git;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * Writes a commit's tree into a folder without trusting it: symbolic links are skipped, submodules only noted, no
 * path may leave the folder, and file and total sizes are limited.
 */
final class TreeExporter {

    private final CheckoutLimits limits;

    TreeExporter(CheckoutLimits limits) {
        this.limits = limits;
    }

    /**
     * @param paths folders or files to export; empty for the whole tree
     * @param bytesBefore bytes already written into the same working folder (by a parent repository)
     */
    ExportedTree export(Repository repository, ObjectId commitId, List<String> paths, Path target, long bytesBefore)
            throws GitException, IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        int files = 0;
        int symlinks = 0;
        long total = bytesBefore;
        List<ExportedTree.Gitlink> gitlinks = new ArrayList<>();
        try (RevWalk revWalk = new RevWalk(repository);
                TreeWalk walk = new TreeWalk(repository)) {
            RevCommit commit = revWalk.parseCommit(commitId);
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            if (!paths.isEmpty()) {
                walk.setFilter(PathFilterGroup.createFromStrings(paths));
            }
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                String path = walk.getPathString();
                if (mode == FileMode.SYMLINK) {
                    symlinks++;
                    continue;
                }
                if (mode == FileMode.GITLINK) {
                    gitlinks.add(new ExportedTree.Gitlink(path, walk.getObjectId(0)));
                    continue;
                }
                Path file = inside(root, path);
                ObjectLoader loader = repository.open(walk.getObjectId(0));
                long size = loader.getSize();
                if (size > limits.maxFileBytes()) {
                    throw limit(
                            "file '" + path + "' is " + size + " bytes, over the limit of " + limits.maxFileBytes());
                }
                total += size;
                if (total > limits.maxCheckoutBytes()) {
                    throw limit("the commit holds more than " + limits.maxCheckoutBytes() + " bytes of files");
                }
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    loader.copyTo(out);
                }
                files++;
            }
        }
        return new ExportedTree(files, total - bytesBefore, symlinks, gitlinks);
    }

    /** Resolves a tree path under the root; git refuses '..' entries, but a crafted tree object need not. */
    static Path inside(Path root, String path) throws GitException {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw limit("path '" + path + "' would leave the working folder");
        }
        return file;
    }

    private static GitException limit(String message) {
        return new GitException(GitException.Reason.LIMIT_EXCEEDED, message, null);
    }
}
