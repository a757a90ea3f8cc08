package dev.meshgate.analysis.rules.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes label selector (matchLabels and matchExpressions) applied to a set of labels. A missing selector
 * selects everything, as Kubernetes reads it in webhooks; an expression with an unknown operator selects nothing.
 */
public final class LabelSelector {

    private LabelSelector() {}

    /** Whether the selector (a missing node: none) picks an object with these labels. */
    public static boolean matches(JsonNode selector, Map<String, String> labels) {
        for (Map.Entry<String, JsonNode> entry : selector.path("matchLabels").properties()) {
            if (!entry.getValue().asText().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            if (!holds(expression, labels)) {
                return false;
            }
        }
        return true;
    }

    /** The label keys the selector asks about. */
    public static Set<String> keys(JsonNode selector) {
        Set<String> keys = new HashSet<>();
        selector.path("matchLabels").fieldNames().forEachRemaining(keys::add);
        selector.path("matchExpressions")
                .forEach(expression -> keys.add(expression.path("key").asText("")));
        return keys;
    }

    private static boolean holds(JsonNode expression, Map<String, String> labels) {
        String key = expression.path("key").asText("");
        Set<String> values = new HashSet<>();
        expression.path("values").forEach(value -> values.add(value.asText()));
        String value = labels.get(key);
        return switch (expression.path("operator").asText("")) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
        };
    }
}
