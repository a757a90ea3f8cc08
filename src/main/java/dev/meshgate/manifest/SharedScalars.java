package dev.meshgate.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * One copy of each short key and text value read from one stream: a stream's objects write the same few again and
 * again ("metadata", "name", "v1", "TCP"), and every copy kept would be held as long as the resources are, for the
 * collector to copy over and over while a large stream is read. Bounded, so that a stream of distinct values costs
 * no more than before. Used by one thread.
 */
final class SharedScalars {

    private static final int MAX_LENGTH = 64;
    private static final int MAX_ENTRIES = 16_384;

    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, JsonNode> texts = new HashMap<>();

    /** The shared copy of a mapping key. */
    String key(String key) {
        return shared(keys, key, key);
    }

    /** The shared node of a scalar's value: text nodes are immutable, so resources may hold the same one. */
    JsonNode value(JsonNode value) {
        return value.isTextual() ? shared(texts, value.textValue(), value) : value;
    }

    /** The copy the table holds for the text, else this one, which the table keeps while it has room. */
    private static <T> T shared(Map<String, T> table, String text, T copy) {
        if (text.length() > MAX_LENGTH) {
            return copy;
        }
        T known = table.get(text);
        if (known != null) {
            return known;
        }
        if (table.size() < MAX_ENTRIES) {
            table.put(text, copy);
        }
        return copy;
    }
}
