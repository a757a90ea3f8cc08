package dev.meshgate.manifest;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The line and column of every field of one resource, keyed by JSON pointer ("/spec/http/0/route"). Positions are
 * kept in two sorted arrays with shared pointer strings rather than a map of boxed values: a repository of 60,000
 * resources has millions of fields, and a map per resource made reading them garbage-collector bound.
 */
public final class FieldPositions {

    // The same pointers recur in every resource of a kind; sharing them saves most of the memory. Bounded so that
    // hostile input with endless distinct keys cannot grow it without limit.
    private static final ConcurrentHashMap<String, String> SHARED_POINTERS = new ConcurrentHashMap<>();
    private static final int MAX_SHARED_POINTERS = 200_000;

    private final String file;
    private String[] pointers = new String[16];
    private long[] packed = new long[16];
    // Only rendered resources mix files (a base and its overlay's patch); plain ones never allocate this.
    private String[] files;
    private int size;
    private boolean sorted = true;

    public FieldPositions(String file) {
        this.file = file;
    }

    /** Records a field's position; a later record for the same pointer wins. */
    void put(String pointer, int line, int column) {
        put(pointer, null, line, column);
    }

    /** Records where a field came from, possibly another file than this resource's: rendering maps fields back. */
    public void put(String pointer, Origin origin) {
        put(pointer, origin.file().equals(file) ? null : origin.file(), origin.line(), origin.column());
    }

    private void put(String pointer, String otherFile, int line, int column) {
        if (size == pointers.length) {
            pointers = Arrays.copyOf(pointers, size * 2);
            packed = Arrays.copyOf(packed, size * 2);
            if (files != null) {
                files = Arrays.copyOf(files, size * 2);
            }
        }
        if (otherFile != null && files == null) {
            files = new String[pointers.length];
        }
        if (files != null) {
            files[size] = otherFile;
        }
        pointers[size] = share(pointer);
        packed[size] = ((long) line << 32) | (column & 0xffffffffL);
        size++;
        sorted = false;
    }

    /** The origin of the field, or of its closest ancestor that was written down (a missing field points at its parent). */
    public Origin origin(String pointer) {
        String current = pointer;
        while (true) {
            int found = find(current);
            if (found >= 0) {
                String where = files != null && files[found] != null ? files[found] : file;
                return new Origin(where, (int) (packed[found] >>> 32), (int) packed[found]);
            }
            if (current.isEmpty()) {
                return Origin.of(file);
            }
            current = current.substring(0, Math.max(0, current.lastIndexOf('/')));
        }
    }

    /** Whether the field itself was written in the source. */
    public boolean has(String pointer) {
        return find(pointer) >= 0;
    }

    public String file() {
        return file;
    }

    /** What sees every recorded field, e.g. to store a rendered resource with its origins. */
    @FunctionalInterface
    public interface FieldVisitor {
        void field(String pointer, Origin origin);
    }

    /** Visits every recorded field once (the last record of a pointer), in pointer order. */
    public void forEachField(FieldVisitor visitor) {
        sortOnce();
        for (int i = 0; i < size; i++) {
            String where = files != null && files[i] != null ? files[i] : file;
            visitor.field(pointers[i], new Origin(where, (int) (packed[i] >>> 32), (int) packed[i]));
        }
    }

    private int find(String pointer) {
        sortOnce();
        return Arrays.binarySearch(pointers, 0, size, pointer);
    }

    /** Sorts by pointer, keeping the last record of each pointer, once after loading. */
    private synchronized void sortOnce() {
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        // Stable sort: among equal pointers the last written stays last, and is the one kept below.
        Arrays.sort(order, (a, b) -> pointers[a].compareTo(pointers[b]));
        String[] newPointers = new String[size];
        long[] newPacked = new long[size];
        String[] newFiles = files == null ? null : new String[size];
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int index = order[i];
            if (kept > 0 && newPointers[kept - 1].equals(pointers[index])) {
                kept--;
            }
            newPointers[kept] = pointers[index];
            newPacked[kept] = packed[index];
            if (newFiles != null) {
                newFiles[kept] = files[index];
            }
            kept++;
        }
        pointers = newPointers;
        packed = newPacked;
        files = newFiles;
        size = kept;
        sorted = true;
    }

    private static String share(String pointer) {
        String shared = SHARED_POINTERS.get(pointer);
        if (shared != null) {
            return shared;
        }
        if (SHARED_POINTERS.size() < MAX_SHARED_POINTERS) {
            shared = SHARED_POINTERS.putIfAbsent(pointer, pointer);
        }
        return shared == null ? pointer : shared;
    }
}
