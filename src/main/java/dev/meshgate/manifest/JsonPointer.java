package dev.meshgate.manifest;

/** Builds RFC 6901 JSON pointers, the one spelling of a field path used across meshgate. */
public final class JsonPointer {

    private JsonPointer() {}

    /** Appends one object key or list index to a pointer. */
    public static String child(String parent, Object segment) {
        String text = String.valueOf(segment);
        if (text.indexOf('~') >= 0 || text.indexOf('/') >= 0) {
            text = text.replace("~", "~0").replace("/", "~1");
        }
        return parent + "/" + text;
    }

    /** The pointer as users read field paths: "/spec/http/0/route" is "spec.http[0].route". */
    public static String readable(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String key = segment.replace("~1", "/").replace("~0", "~");
            if (!key.isEmpty() && key.chars().allMatch(Character::isDigit)) {
                path.append('[').append(key).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(key);
            }
        }
        return path.toString();
    }

    // Rules ask for the same few hundred pointers on every resource; each is parsed once.
    private static final java.util.Map<String, com.fasterxml.jackson.core.JsonPointer> COMPILED =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_COMPILED = 50_000;

    /** The parsed form of a pointer, for navigating Jackson trees; parsed once per distinct pointer. */
    public static com.fasterxml.jackson.core.JsonPointer compiled(String pointer) {
        com.fasterxml.jackson.core.JsonPointer found = COMPILED.get(pointer);
        if (found == null) {
            found = com.fasterxml.jackson.core.JsonPointer.compile(pointer);
            if (COMPILED.size() < MAX_COMPILED) {
                COMPILED.put(pointer, found);
            }
        }
        return found;
    }

    /** Builds a pointer from segments, e.g. of("spec", "http", 0) is "/spec/http/0". */
    public static String of(Object... segments) {
        String pointer = "";
        for (Object segment : segments) {
            pointer = child(pointer, segment);
        }
        return pointer;
    }
}
