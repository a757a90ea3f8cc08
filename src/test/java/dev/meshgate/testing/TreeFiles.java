package dev.meshgate.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the files of a test's repository tree, making their folders as needed. */
public final class TreeFiles {

    private TreeFiles() {}

    /** Writes the text to the file, relative to the tree's root; returns the file. */
    public static Path write(Path root, String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text);
    }
}
