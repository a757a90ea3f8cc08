package dev.meshgate.analysis.rules.gatewayapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.rules.values.LabelSelector;
import dev.meshgate.manifest.Resource;
import java.util.HashMap;
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
        boolean matches = LabelSelector.matches(selector, labels);
        if (matches
                || namespaceObject.isPresent()
                || LabelSelector.keys(selector).equals(Set.of(NAME_LABEL))) {
            return Optional.of(matches);
        }
        return Optional.empty();
    }
}
