package dev.meshgate.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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
            deleteRecursively(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the working folder " + directory, e);
        }
    }

    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
