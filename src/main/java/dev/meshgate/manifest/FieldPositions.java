package dev.meshgate.manifest;

import java.util.HashMap;
import java.util.Map;

/** The line and column of every field of one resource, keyed by JSON pointer ("/spec/http/0/route"). */
public final class FieldPositions {

    private final String file;
    // Line and column packed into one long keeps 10,000 resources' positions small.
    private final Map<String, Long> positions = new HashMap<>();

    public FieldPositions(String file) {
        this.file = file;
    }

    void put(String pointer, int line, int column) {
        positions.put(pointer, ((long) line << 32) | (column & 0xffffffffL));
    }

    /** The origin of the field, or of its closest ancestor that was written down (a missing field points at its parent). */
    public Origin origin(String pointer) {
        String current = pointer;
        while (true) {
            Long packed = positions.get(current);
            if (packed != null) {
                return new Origin(file, (int) (packed >>> 32), (int) (long) packed);
            }
            if (current.isEmpty()) {
                return Origin.of(file);
            }
            current = current.substring(0, Math.max(0, current.lastIndexOf('/')));
        }
    }

    /** Whether the field itself was written in the source. */
    public boolean has(String pointer) {
        return positions.containsKey(pointer);
    }

    public String file() {
        return file;
    }
}
