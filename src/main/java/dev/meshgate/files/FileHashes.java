package dev.meshgate.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The SHA-256 of files' contents, each file read once per run and, with a memo file, not at all while what the file
 * system says of it (size, modification and change times, inode) is what it said when it was hashed, as git's index
 * does. Hashing is most of what a run costs when nothing changed, and the memo is what makes an unchanged file free.
 *
 * <p>A file changed within {@link #SETTLING} of being hashed is not remembered across runs: file times are coarser
 * than writes, so a second write in the same tick would look unchanged (git's "racily clean" entries). The change
 * time cannot be set by a program, so a file rewritten with its old modification time is still seen.
 */
public final class FileHashes {

    /** How old a file's last change must be before its hash is trusted by a later run. */
    static final long SETTLING = TimeUnit.SECONDS.toNanos(2);

    private static final HexFormat HEX = HexFormat.of();
    private static final String ATTRIBUTES = "unix:size,lastModifiedTime,ctime,ino,dev";

    private final Optional<Path> memo;
    private final LongSupplier clock;
    private final Map<Path, Remembered> earlier;
    private final Map<Path, String> thisRun = new ConcurrentHashMap<>();
    private final Map<Path, Remembered> settled = new ConcurrentHashMap<>();

    private FileHashes(Optional<Path> memo, LongSupplier clock, Map<Path, Remembered> earlier) {
        this.memo = memo;
        this.clock = clock;
        this.earlier = earlier;
    }

    /** Hashes remembered for one run only. */
    public static FileHashes forOneRun() {
        return new FileHashes(Optional.empty(), System::currentTimeMillis, Map.of());
    }

    /** Hashes remembered across runs in the memo file; a memo that cannot be read is started afresh. */
    public static FileHashes rememberedIn(Path memo) {
        return rememberedIn(memo, System::currentTimeMillis);
    }

    /** @param clock the wall time in milliseconds, against which files' times tell whether they settled */
    public static FileHashes rememberedIn(Path memo, LongSupplier clock) {
        return new FileHashes(Optional.of(memo), clock, MemoFile.read(memo));
    }

    /**
     * What the file system says of a file that its contents cannot change without changing.
     *
     * @param changed the change time in nanoseconds, which no program can set back
     */
    record Stamp(long size, long modified, long changed, long inode, long device) {

        /**
         * The file's stamp, or empty where the file system does not tell inodes and change times. A symbolic link is
         * stamped by its target, which is what its contents are read from.
         */
        static Optional<Stamp> of(Path file) throws IOException {
            Map<String, Object> attributes;
            try {
                attributes = Files.readAttributes(file, ATTRIBUTES);
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                return Optional.empty();
            }
            return Optional.of(new Stamp(
                    (Long) attributes.get("size"),
                    nanos(attributes.get("lastModifiedTime")),
                    nanos(attributes.get("ctime")),
                    ((Number) attributes.get("ino")).longValue(),
                    ((Number) attributes.get("dev")).longValue()));
        }

        private static long nanos(Object time) {
            return ((FileTime) time).to(TimeUnit.NANOSECONDS);
        }
    }

    /** A hash and the stamp its file had when it was read. */
    record Remembered(Stamp stamp, String sha256) {}

    /**
     * The file's SHA-256 when this run hashed it or the memo holds it for the file as it is now, without reading the
     * file; empty when only reading it would tell.
     */
    public Optional<String> remembered(Path file) {
        String known = thisRun.get(file);
        if (known != null) {
            return Optional.of(known);
        }
        if (memo.isEmpty() || !earlier.containsKey(file)) {
            return Optional.empty();
        }
        try {
            return fromMemo(file, Stamp.of(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The file's SHA-256 in lower-case hex. */
    public String sha256(Path file) throws IOException {
        String known = thisRun.get(file);
        if (known != null) {
            return known;
        }
        Optional<Stamp> before = memo.isPresent() ? Stamp.of(file) : Optional.empty();
        Optional<String> remembered = fromMemo(file, before);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        String hash = digest(file);
        Optional<Stamp> after = before.isPresent() ? Stamp.of(file) : Optional.empty();
        if (after.isPresent() && after.equals(before) && settledAt(after.get(), clock.getAsLong())) {
            settled.put(file, new Remembered(after.get(), hash));
        }
        thisRun.put(file, hash);
        return hash;
    }

    /** The memo's hash when the file's stamp is the one it was hashed with, kept for the rest of this run and the next. */
    private Optional<String> fromMemo(Path file, Optional<Stamp> stamp) {
        Remembered remembered = earlier.get(file);
        if (stamp.isEmpty() || remembered == null || !remembered.stamp().equals(stamp.get())) {
            return Optional.empty();
        }
        settled.put(file, remembered);
        thisRun.put(file, remembered.sha256());
        return Optional.of(remembered.sha256());
    }

    /** Whether the file's last change is far enough in the past for a later write to show in its times. */
    static boolean settledAt(Stamp stamp, long nowMillis) {
        long now = TimeUnit.MILLISECONDS.toNanos(nowMillis);
        return Math.max(stamp.modified(), stamp.changed()) < now - SETTLING;
    }

    /**
     * Writes the memo with the files hashed this run, so that it holds what the last run read and no more; a memo
     * that cannot be written only costs the next run its hashing.
     */
    public void save() {
        memo.ifPresent(file -> MemoFile.write(file, settled));
    }

    private static String digest(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HEX.formatHex(digest.digest());
    }

    /** The memo on disk: a line per file, {@code sha256 size modified changed inode device path}. */
    private static final class MemoFile {

        private MemoFile() {}

        static Map<Path, Remembered> read(Path memo) {
            Map<Path, Remembered> entries = new ConcurrentHashMap<>();
            // None yet, or unreadable: every file is hashed again.
            for (String line : ReplacedFile.lines(memo)) {
                String[] fields = line.split(" ", 7);
                if (fields.length != 7 || fields[0].length() != 64) {
                    continue;
                }
                try {
                    Stamp stamp = new Stamp(
                            Long.parseLong(fields[1]),
                            Long.parseLong(fields[2]),
                            Long.parseLong(fields[3]),
                            Long.parseLong(fields[4]),
                            Long.parseLong(fields[5]));
                    entries.put(Path.of(fields[6]), new Remembered(stamp, fields[0]));
                } catch (RuntimeException e) {
                    // a damaged line: that file is hashed again
                }
            }
            return entries;
        }

        static void write(Path memo, Map<Path, Remembered> entries) {
            ReplacedFile.write(memo, out -> {
                for (Map.Entry<Path, Remembered> entry : entries.entrySet()) {
                    String path = entry.getKey().toString();
                    if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
                        continue;
                    }
                    Stamp stamp = entry.getValue().stamp();
                    out.write(entry.getValue().sha256() + " " + stamp.size() + " " + stamp.modified() + " "
                            + stamp.changed() + " " + stamp.inode() + " " + stamp.device() + " " + path + "\n");
                }
            });
        }
    }
}
