package dev.meshgate.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One Kubernetes object read from a manifest, with the position of each of its fields. */
public final class Resource {

    private final String apiVersion;
    private final ResourceKind kind;
    private final String name;
    private final String namespace;
    private final boolean namespaceWritten;
    private final JsonNode body;
    private final FieldPositions positions;

    /** A resource; {@code namespace} is the effective one (written, else the default, "" for cluster-scoped kinds). */
    public Resource(
            String apiVersion,
            String kind,
            String name,
            String namespace,
            boolean namespaceWritten,
            JsonNode body,
            FieldPositions positions) {
        this.apiVersion = apiVersion;
        this.kind = ResourceKind.of(apiVersion, kind);
        this.name = name;
        this.namespace = namespace;
        this.namespaceWritten = namespaceWritten;
        this.body = body;
        this.positions = positions;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public ResourceKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    /** Whether metadata.namespace was written rather than defaulted. */
    public boolean namespaceWritten() {
        return namespaceWritten;
    }

    public JsonNode body() {
        return body;
    }

    /** The node at a JSON pointer, MissingNode when absent. */
    public JsonNode at(String pointer) {
        JsonNode node = body.at(JsonPointer.compiled(pointer));
        return node == null ? MissingNode.getInstance() : node;
    }

    public FieldPositions positions() {
        return positions;
    }

    /** Where the resource starts. */
    public Origin origin() {
        return positions.origin("");
    }

    /** Where a field is written, or its closest written ancestor. */
    public Origin origin(String pointer) {
        return positions.origin(pointer);
    }

    public Map<String, String> labels() {
        return stringMap(body.path("metadata").path("labels"));
    }

    public Map<String, String> annotations() {
        return stringMap(body.path("metadata").path("annotations"));
    }

    /** "Kind namespace/name", the way findings name a resource. */
    @Override
    public String toString() {
        return kind.kind() + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }

    /** The value {@link #stringMap} would hold for the key, without making the map; null when it holds none. */
    public static String stringValue(JsonNode node, String key) {
        JsonNode value = node == null || !node.isObject() ? null : node.get(key);
        if (value == null) {
            return null;
        }
        return value.isValueNode() ? value.asText() : "";
    }

    /** Reads a map of strings; YAML numbers and booleans written as label values are kept as their text. */
    public static Map<String, String> stringMap(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String> map = new LinkedHashMap<>();
        node.fields()
                .forEachRemaining(e -> map.put(
                        e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : ""));
        return map;
    }
}
