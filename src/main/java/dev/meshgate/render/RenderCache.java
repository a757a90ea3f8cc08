package dev.meshgate.render;

import dev.meshgate.files.FileHashes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Rendered applications on disk, by the content address of everything their rendering read ({@link RenderKeys}).
 * Entries are written to a temporary file and moved into place, so concurrent runs (several service workers, two
 * command lines) see whole entries or none; an entry that cannot be read is ignored and removed. Trimmed to its
 * size, least recently used first (a hit touches the entry).
 */
public final class RenderCache {

    // Bumped whenever what an entry holds changes meaning: entries of other formats live beside, unread, and age out.
    private static final String FORMAT = "v2";
    // Beside the entries, not among them: it is rewritten by every run and never trimmed.
    private static final String FILE_HASHES = "file-hashes-v1.txt";
    private static final String SCREENED_FILES = "screened-files-v1.txt";

    private final Path folder;
    private final Path fileHashes;
    private final Path screenedFiles;
    private final long maxBytes;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final AtomicInteger ignored = new AtomicInteger();

    public RenderCache(Path folder, long maxBytes) {
        this.folder = folder.resolve(FORMAT);
        this.fileHashes = folder.resolve(FILE_HASHES);
        this.screenedFiles = folder.resolve(SCREENED_FILES);
        this.maxBytes = maxBytes;
    }

    /**
     * What a run did with the cache.
     *
     * @param hits applications read from the cache
     * @param misses applications rendered and stored
     * @param ignored entries that could not be read (cut short, corrupted) and were rendered again
     */
    public record Stats(int hits, int misses, int ignored) {}

    /** The application stored under the key, or empty (nothing stored, or an entry that cannot be read). */
    Optional<RenderedApplication> read(String key, Source source) {
        Path entry = entry(key);
        try (InputStream in = Files.newInputStream(entry)) {
            RenderedApplication loaded =
                    RenderedCodec.read(key, source, new java.io.BufferedInputStream(in, 256 * 1024));
            touch(entry);
            hits.incrementAndGet();
            return Optional.of(loaded);
        } catch (NoSuchFileException e) {
            misses.incrementAndGet();
            return Optional.empty();
        } catch (IOException e) {
            ignored.incrementAndGet();
            misses.incrementAndGet();
            deleteQuietly(entry);
            return Optional.empty();
        }
    }

    /** Stores an application; a failure to store only costs the next run a rendering. */
    void write(String key, RenderedApplication loaded) {
        Path entry = entry(key);
        Path temporary = null;
        try {
            Files.createDirectories(entry.getParent());
            temporary = Files.createTempFile(entry.getParent(), key, ".tmp");
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temporary), 256 * 1024)) {
                RenderedCodec.write(key, loaded, out);
            }
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temporary);
        }
    }

    /** Removes the least recently used entries until the cache fits its size. */
    void trim() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        record Entry(Path path, long size, FileTime used) {}
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try {
                    entries.add(new Entry(file, Files.size(file), Files.getLastModifiedTime(file)));
                } catch (IOException e) {
                    // removed by a concurrent trim
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return;
        }
        long total = entries.stream().mapToLong(Entry::size).sum();
        entries.sort(Comparator.comparing(Entry::used));
        for (Entry entry : entries) {
            if (total <= maxBytes) {
                break;
            }
            deleteQuietly(entry.path());
            total -= entry.size();
        }
    }

    public Stats stats() {
        return new Stats(hits.get(), misses.get(), ignored.get());
    }

    /** Where discovery keeps its verdicts on which files may declare applications, beside the files' hashes. */
    Path screenedFiles() {
        return screenedFiles;
    }

    /** The hashes of the files that renderings read, remembered from the last run that used this cache. */
    FileHashes fileHashes() {
        return FileHashes.rememberedIn(fileHashes);
    }

    /** The folder entries live in. */
    public Path folder() {
        return folder;
    }

    Path entry(String key) {
        return folder.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // a read-only cache still serves
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the next trim or write takes care of it
            }
        }
    }
}
