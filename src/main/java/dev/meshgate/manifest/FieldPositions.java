package dev.meshgate.manifest;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The line and column of every field of one resource, found by JSON pointer ("/spec/http/0/route"). Fields are kept
 * as a tree in flat arrays, each entry its parent's index, its own key (the very string the parsed object holds) and
 * its line and column packed in a long: no pointer string per field, which for large objects (CRD schemas) cost more
 * than the tree itself. Look-ups, made only for findings, take a binary search per segment.
 */
public final class FieldPositions {

    private static final long UNSET = Long.MIN_VALUE;
    private static final int ROOT = 0;
    // List indexes are the same few strings in every resource.
    private static final String[] INDEXES = new String[256];

    static {
        for (int i = 0; i < INDEXES.length; i++) {
            INDEXES[i] = Integer.toString(i);
        }
    }

    private final String file;
    private int[] parents = new int[16];
    private String[] segments = new String[16];
    private long[] packed = new long[16];
    // Only rendered resources mix files (a base and its overlay's patch); plain ones never allocate this.
    private String[] files;
    private int size;
    // Entries ordered by (parent, segment, recording order), made on the first look-up after a change.
    private int[] order;
    // Only while positions are recorded by pointer (rendering): the entry of each (parent, segment).
    private Map<Child, Integer> byChild;
    // The last pointer recorded by pointer, split, and the entry of each of its segments; valid while byChild is.
    private String[] lastPath;
    private int[] lastEntries;

    private record Child(int parent, String segment) {}

    public FieldPositions(String file) {
        this.file = file;
        parents[ROOT] = -1;
        segments[ROOT] = "";
        packed[ROOT] = UNSET;
        size = 1;
    }

    /** The entry of the document's root, for recording while parsing. */
    int root() {
        return ROOT;
    }

    /** Makes the entry of a new field under a parent entry (a key, or a list index), its position not yet known. */
    int child(int parent, String segment) {
        return add(parent, segment);
    }

    /** The segment of a list item, shared between resources. */
    static String index(int i) {
        return i < INDEXES.length ? INDEXES[i] : Integer.toString(i);
    }

    /** Records a position again for an entry; the later record wins. */
    void at(int entry, int line, int column) {
        packed[entry] = pack(line, column);
    }

    /** Records where a field came from, possibly another file than this resource's: rendering maps fields back. */
    public void put(String pointer, Origin origin) {
        set(entry(pointer), origin.file().equals(file) ? null : origin.file(), origin.line(), origin.column());
    }

    /** The origin of the field, or of its closest ancestor that was written down (a missing field points at its parent). */
    public synchronized Origin origin(String pointer) {
        int found = deepestRecorded(pointer, false);
        if (found < 0) {
            return Origin.of(file);
        }
        String where = files != null && files[found] != null ? files[found] : file;
        return new Origin(where, (int) (packed[found] >>> 32), (int) packed[found]);
    }

    /** Whether the field itself was written in the source. */
    public synchronized boolean has(String pointer) {
        return deepestRecorded(pointer, true) >= 0;
    }

    public String file() {
        return file;
    }

    /** What sees every recorded field, e.g. to store a rendered resource with its origins. */
    @FunctionalInterface
    public interface FieldVisitor {
        void field(String pointer, Origin origin);
    }

    /** Visits every recorded field in the order it was recorded (a key written twice once per writing, last last). */
    public synchronized void forEachField(FieldVisitor visitor) {
        String[] pointers = new String[size];
        for (int i = 0; i < size; i++) {
            // an entry is always made after its parent, so the parent's pointer is known
            pointers[i] = i == ROOT ? "" : JsonPointer.child(pointers[parents[i]], segments[i]);
            if (packed[i] != UNSET) {
                String where = files != null && files[i] != null ? files[i] : file;
                visitor.field(pointers[i], new Origin(where, (int) (packed[i] >>> 32), (int) packed[i]));
            }
        }
    }

    private static long pack(int line, int column) {
        return ((long) line << 32) | (column & 0xffffffffL);
    }

    private int add(int parent, String segment) {
        if (size == parents.length) {
            int grown = size * 2;
            parents = Arrays.copyOf(parents, grown);
            segments = Arrays.copyOf(segments, grown);
            packed = Arrays.copyOf(packed, grown);
            if (files != null) {
                files = Arrays.copyOf(files, grown);
            }
        }
        parents[size] = parent;
        segments[size] = segment;
        packed[size] = UNSET;
        order = null;
        return size++;
    }

    private synchronized void set(int entry, String otherFile, int line, int column) {
        if (otherFile != null && files == null) {
            files = new String[parents.length];
        }
        if (files != null) {
            files[entry] = otherFile;
        }
        packed[entry] = pack(line, column);
    }

    /** The entry of a pointer, made with its ancestors when missing. */
    private synchronized int entry(String pointer) {
        if (byChild == null) {
            byChild = new HashMap<>();
            for (int i = 1; i < size; i++) {
                byChild.put(new Child(parents[i], segments[i]), i);
            }
            lastPath = null;
        }
        String[] path = split(pointer);
        // Fields are recorded in document order, so a pointer mostly shares its start with the one before it: the
        // entries of that start are taken from it instead of being looked up again from the root.
        int common = 0;
        if (lastPath != null) {
            int shorter = Math.min(path.length, lastPath.length);
            while (common < shorter && path[common].equals(lastPath[common])) {
                common++;
            }
        }
        int[] entries = new int[path.length];
        if (common > 0) {
            System.arraycopy(lastEntries, 0, entries, 0, common);
        }
        int entry = common == 0 ? ROOT : entries[common - 1];
        for (int i = common; i < path.length; i++) {
            Child child = new Child(entry, path[i]);
            Integer found = byChild.get(child);
            if (found == null) {
                found = add(entry, path[i]);
                byChild.put(child, found);
            }
            entry = found;
            entries[i] = entry;
        }
        lastPath = path;
        lastEntries = entries;
        return entry;
    }

    /**
     * The recorded entry of the pointer, else (unless {@code exact}) of its deepest recorded ancestor; -1 for none.
     * A key written twice has an entry per writing: the last one is tried first, then the others, as the fields of
     * both writings stay known.
     */
    private int deepestRecorded(String pointer, boolean exact) {
        if (pointer.isEmpty() || !pointer.startsWith("/")) {
            // Where the resource starts, without ordering anything: asked of every resource, not only for findings.
            boolean recorded = packed[ROOT] != UNSET;
            return recorded && (pointer.isEmpty() || !exact) ? ROOT : -1;
        }
        sortOnce();
        String[] path = split(pointer);
        long best = deepest(ROOT, path, 0);
        int depth = (int) (best >>> 32);
        int entry = (int) best;
        if (exact) {
            return depth == path.length && entry >= 0 && packed[entry] != UNSET ? entry : -1;
        }
        return entry;
    }

    /** The deepest recorded entry below {@code entry} along the path from {@code depth}, packed with its depth. */
    private long deepest(int entry, String[] path, int depth) {
        long best = packed[entry] != UNSET ? ((long) depth << 32) | entry : ((long) -1 << 32) | 0xffffffffL;
        if (depth == path.length) {
            return best;
        }
        int last = lastChild(entry, path[depth]);
        for (int i = last; i >= 0 && isChild(order[i], entry, path[depth]); i--) {
            long below = deepest(order[i], path, depth + 1);
            if ((int) (below >>> 32) > (int) (best >>> 32)) {
                best = below;
            }
            if ((int) (best >>> 32) == path.length) {
                break;
            }
        }
        return best;
    }

    private boolean isChild(int candidate, int parent, String segment) {
        return parents[candidate] == parent && segments[candidate].equals(segment);
    }

    /** The position in {@link #order} of the last entry with this parent and segment, or -1. */
    private int lastChild(int parent, String segment) {
        int low = 0;
        int high = size - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int candidate = order[middle];
            int comparison = compare(parents[candidate], segments[candidate], parent, segment);
            if (comparison <= 0) {
                if (comparison == 0) {
                    found = middle;
                }
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    private static int compare(int parentA, String segmentA, int parentB, String segmentB) {
        int byParent = Integer.compare(parentA, parentB);
        return byParent != 0 ? byParent : segmentA.compareTo(segmentB);
    }

    /** Orders the entries once after recording; a stable sort keeps each key's writings in their order. */
    private void sortOnce() {
        if (order != null) {
            return;
        }
        Integer[] sorted = new Integer[size];
        for (int i = 0; i < size; i++) {
            sorted[i] = i;
        }
        Arrays.sort(sorted, (a, b) -> compare(parents[a], segments[a], parents[b], segments[b]));
        order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = sorted[i];
        }
        byChild = null;
        lastPath = null;
    }

    /** The unescaped segments of an RFC 6901 pointer ("" has none). */
    private static String[] split(String pointer) {
        if (pointer.isEmpty()) {
            return new String[0];
        }
        String[] parts = pointer.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].indexOf('~') >= 0) {
                parts[i] = parts[i].replace("~1", "/").replace("~0", "~");
            }
        }
        return parts;
    }
}
