package dev.meshgate.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A file that runs side by side share (memo files, Helm's unpacked library): its whole content is replaced at once,
 * written beside it and moved into place, so that no run reads a half-written file (the last one moved in wins), and a
 * missing or unreadable memo reads as empty.
 */
public final class ReplacedFile {

    /** Writes the file's lines. */
    @FunctionalInterface
    public interface Content {
        void writeTo(BufferedWriter out) throws IOException;
    }

    /** Writes the file's bytes. */
    @FunctionalInterface
    public interface Bytes {
        void writeTo(OutputStream out) throws IOException;
    }

    private ReplacedFile() {}

    /** The file's lines; none when it does not exist or cannot be read, which only costs a run what it remembers. */
    public static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Replaces the file with the content; returns whether it could (a memo that cannot be written only costs time). */
    public static boolean write(Path file, Content content) {
        try {
            replace(file, bytes -> {
                BufferedWriter out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
                content.writeTo(out);
                out.flush();
            });
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Replaces the file with the bytes, written beside it and moved into place, so that no reader meets a partial
     * file; what fails is thrown, with nothing left beside the file.
     */
    public static void replace(Path file, Bytes content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // left for the next write to replace
            }
        }
    }
}
