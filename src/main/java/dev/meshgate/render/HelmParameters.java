package dev.meshgate.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

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
        // Safe loading: values come from the repository, so no YAML tag may create objects.
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(values);
        JsonNode tree = JSON.valueToTree(loaded);
        return tree instanceof ObjectNode object ? object : JSON.createObjectNode();
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
