package dev.meshgate.analysis.rules.gatewayapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.manifest.Resource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A listener's {@code allowedRoutes.namespaces.selector} (a Kubernetes label selector) applied to a namespace. Every
 * namespace carries {@code kubernetes.io/metadata.name}; its other labels are known only from its Namespace object.
 */
final class NamespaceSelector {

    static final String NAME_LABEL = "kubernetes.io/metadata.name";

    private NamespaceSelector() {}

    /**
     * Whether the selector picks the namespace; empty when the namespace's Namespace object is not in the input and
     * the selector asks about other labels than its name.
     */
    static Optional<Boolean> matches(JsonNode selector, String namespace, Optional<Resource> namespaceObject) {
        Map<String, String> labels = new HashMap<>();
        namespaceObject.ifPresent(object -> labels.putAll(object.labels()));
        labels.put(NAME_LABEL, namespace);
        boolean matches = matches(selector, labels);
        if (matches || namespaceObject.isPresent() || keys(selector).equals(Set.of(NAME_LABEL))) {
            return Optional.of(matches);
        }
        return Optional.empty();
    }

    static boolean matches(JsonNode selector, Map<String, String> labels) {
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

    private static Set<String> keys(JsonNode selector) {
        Set<String> keys = new HashSet<>();
        selector.path("matchLabels").fieldNames().forEachRemaining(keys::add);
        selector.path("matchExpressions")
                .forEach(expression -> keys.add(expression.path("key").asText("")));
        return keys;
    }
}
