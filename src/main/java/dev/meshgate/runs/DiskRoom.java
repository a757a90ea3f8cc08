package dev.meshgate.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How much room the disk of a folder has left for checkouts and records. */
final class DiskRoom {

    private DiskRoom() {}

    /**
     * The bytes this process may still write on the folder's disk; {@code Long.MAX_VALUE} when the disk cannot be
     * asked (the writes then fail on their own, with their own reason, rather than every run being refused).
     */
    static long usableBytes(Path folder) {
        try {
            Path existing = folder;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing == null
                    ? Long.MAX_VALUE
                    : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException | SecurityException e) {
            return Long.MAX_VALUE;
        }
    }
}
