package dev.meshgate.analysis.rules.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads fields of a resource tree the way the lenient typed Istio model would: a single object where a list belongs is
 * a list of one, and scalars are their text. Rules that need a few fields read them so instead of converting the whole
 * spec, which cost a tenth of a second on the first VirtualService of a run (measured).
 */
public final class ModelReading {

    private ModelReading() {}

    /**
     * The elements of a list of objects, each at its index; an element that is not an object is a missing node (it
     * holds nothing), and a single object stands for a list of one.
     */
    public static List<JsonNode> objects(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (node.isObject()) {
            return List.of(node);
        }
        if (!node.isArray()) {
            return List.of();
        }
        List<JsonNode> objects = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            objects.add(element.isObject() ? element : MissingNode.getInstance());
        }
        return objects;
    }

    /** The texts of a list of strings, as the model reads it: a single scalar is a list of one; other elements hold none. */
    public static List<String> texts(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : node.isArray() ? node : List.of(node)) {
            String text = text(element);
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    /** A scalar's text, as the model coerces it into a string; null for an absent field, a null, a list or a map. */
    public static String text(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }
}
