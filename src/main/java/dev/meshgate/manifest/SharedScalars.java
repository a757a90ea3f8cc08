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
        if (key.length() > MAX_LENGTH) {
            return key;
        }
        String shared = keys.get(key);
        if (shared != null) {
            return shared;
        }
        if (keys.size() < MAX_ENTRIES) {
            keys.put(key, key);
        }
        return key;
    }

    /** The shared node of a scalar's value: text nodes are immutable, so resources may hold the same one. */
    JsonNode value(JsonNode value) {
        if (!value.isTextual() || value.textValue().length() > MAX_LENGTH) {
            return value;
        }
        JsonNode shared = texts.get(value.textValue());
        if (shared != null) {
            return shared;
        }
        if (texts.size() < MAX_ENTRIES) {
            texts.put(value.textValue(), value);
        }
        return value;
    }
}
