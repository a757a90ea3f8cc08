package dev.meshgate.analysis.rules.values;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.manifest.JsonPointer;
import java.util.Map;
import java.util.function.BiConsumer;

/** Walks the elements of a list or the entries of a map in a resource tree, with the pointer of each. */
public final class Elements {

    private Elements() {}

    /** Every element of the array at the pointer (nothing when it is absent or not an array). */
    public static void each(JsonNode array, String pointer, BiConsumer<JsonNode, String> action) {
        if (array == null || !array.isArray()) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            action.accept(array.get(i), pointer + "/" + i);
        }
    }

    /** Every entry of the object at the pointer. */
    public static void entries(JsonNode object, String pointer, TriConsumer action) {
        if (object == null || !object.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            action.accept(entry.getKey(), entry.getValue(), JsonPointer.child(pointer, entry.getKey()));
        }
    }

    /** Receives a map entry's key, value and pointer. */
    @FunctionalInterface
    public interface TriConsumer {
        void accept(String key, JsonNode value, String pointer);
    }
}
