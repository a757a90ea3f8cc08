package dev.meshgate.git;

import dev.meshgate.files.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of one commit, exported to a working folder that is deleted when the checkout is closed.
 *
 * @param directory the working folder holding the commit's files
 * @param sha the exported commit
 * @param files how many files were written, submodules' included
 * @param skippedSymlinks symbolic links left out (never followed, so nothing outside the tree is read)
 * @param skippedSubmodules paths of submodules that were not checked out (disabled, or no usable URL)
 */
public record Checkout(Path directory, String sha, int files, int skippedSymlinks, List<String> skippedSubmodules)
        implements AutoCloseable {

    public Checkout {
        skippedSubmodules = List.copyOf(skippedSubmodules);
    }

    @Override
    public void close() {
        try {
            FileTrees.deleteRecursively(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the working folder " + directory, e);
        }
    }
}
