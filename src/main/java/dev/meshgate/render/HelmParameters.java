package dev.meshgate.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.ManifestLoader;

/**
 * Argo CD's {@code helm.parameters} ({@code name: image.tag, value: "1.2"}), laid over the Application's inline values
 * as one values document: they win over inline values, which win over values files, as in Argo CD.
 */
final class HelmParameters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HelmParameters() {}

    /** The inline values (YAML, or null) with the parameters set in them, as JSON (which is YAML); null if neither. */
    static String overlay(String values, JsonNode parameters) {
        if (!parameters.isArray() || parameters.isEmpty()) {
            return values;
        }
        ObjectNode merged = values == null || values.isBlank() ? JSON.createObjectNode() : parse(values);
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText("");
            if (!name.isEmpty()) {
                set(merged, name.split("\\."), parameter.path("value").asText(""));
            }
        }
        return merged.toString();
    }

    private static ObjectNode parse(String values) {
        // Read as Helm reads values (Kubernetes' YAML): `yes` is true, `1:20` a string. No tag can create objects.
        ManifestLoader.YamlTree loaded =
                new ManifestLoader(LoadLimits.defaults(), "default").readDocument("values", values);
        if (loaded.problem() != null) {
            throw new IllegalArgumentException("the inline Helm values are not valid YAML: "
                    + loaded.problem().detail());
        }
        return loaded.tree() instanceof ObjectNode object ? object.deepCopy() : JSON.createObjectNode();
    }

    private static void set(ObjectNode values, String[] path, String value) {
        ObjectNode node = values;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = node.path(path[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(path[i]);
        }
        node.put(path[path.length - 1], value);
    }
}
