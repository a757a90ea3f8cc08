package dev.meshgate.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns one composed YAML node tree into a Jackson tree and records where each field was written. Scalars and keys
 * become the JSON Kubernetes makes of them ({@link KubernetesScalars}); no YAML tag can instantiate a Java class.
 */
final class NodeConverter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final FieldPositions positions;
    private final List<LoadProblem> problems;
    private final int maxNodes;
    private int nodes;

    NodeConverter(FieldPositions positions, List<LoadProblem> problems, int maxNodes) {
        this.positions = positions;
        this.problems = problems;
        this.maxNodes = maxNodes;
    }

    /** Thrown when aliases expand a document beyond the node limit. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(String message) {
            super(message, null, false, false);
        }
    }

    /** Converts a document's root node. */
    JsonNode convert(Node node) {
        return convert(node, positions.root());
    }

    /** Converts a node whose position entry is already made; its start is recorded there. */
    private JsonNode convert(Node node, int entry) {
        if (++nodes > maxNodes) {
            throw new TooLargeException("document expands to more than " + maxNodes + " YAML nodes");
        }
        Mark start = node.getStartMark();
        if (start != null) {
            positions.at(entry, start.getLine() + 1, start.getColumn() + 1);
        }
        if (node instanceof MappingNode mapping) {
            return convertMapping(mapping, entry);
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = NODES.arrayNode();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                array.add(convert(items.get(i), positions.child(entry, FieldPositions.index(i))));
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    private ObjectNode convertMapping(MappingNode mapping, int entry) {
        ObjectNode object = NODES.objectNode();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode instanceof ScalarNode key && "<<".equals(key.getValue()) && key.getTag() == Tag.MERGE) {
                continue;
            }
            String key = key(keyNode);
            if (object.has(key)) {
                problems.add(new LoadProblem(
                        LoadProblem.Type.DUPLICATE_KEY,
                        origin(keyNode.getStartMark()),
                        "key '" + key + "' appears more than once in the same mapping; only the last value is used"));
            }
            int child = positions.child(entry, key);
            JsonNode value = convert(tuple.getValueNode(), child);
            // A field's position is its key's, as kubectl and istioctl report it.
            Mark keyStart = keyNode.getStartMark();
            if (keyStart != null) {
                positions.at(child, keyStart.getLine() + 1, keyStart.getColumn() + 1);
            }
            object.set(key, value);
        }
        mergeKeys(mapping, object, entry);
        return object;
    }

    /** Applies YAML merge keys ("<<: *base"): fields written in the mapping win over merged ones. */
    private void mergeKeys(MappingNode mapping, ObjectNode object, int entry) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key
                    && "<<".equals(key.getValue())
                    && key.getTag() == Tag.MERGE) {
                Node merged = tuple.getValueNode();
                List<Node> sources = merged instanceof SequenceNode seq ? seq.getValue() : List.of(merged);
                for (Node source : sources) {
                    if (source instanceof MappingNode) {
                        convert(source, entry).fields().forEachRemaining(e -> {
                            if (!object.has(e.getKey())) {
                                object.set(e.getKey(), e.getValue());
                            }
                        });
                    }
                }
            }
        }
    }

    /** A scalar as Kubernetes reads it; one it cannot read is a problem, and its text stands in for it. */
    private JsonNode scalar(ScalarNode node) {
        try {
            return KubernetesScalars.json(KubernetesScalars.tagged(node.getTag(), node.getValue()));
        } catch (KubernetesScalars.UnreadableException e) {
            problems.add(new LoadProblem(LoadProblem.Type.SYNTAX, origin(node.getStartMark()), e.getMessage()));
            return NODES.textNode(node.getValue());
        }
    }

    /** A mapping key as the JSON key Kubernetes makes of it: {@code yes} is "true", {@code 0o10} is "8". */
    private String key(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            return "<complex key>";
        }
        try {
            return KubernetesScalars.key(
                    KubernetesScalars.tagged(scalar.getTag(), scalar.getValue()), scalar.getValue());
        } catch (KubernetesScalars.UnreadableException e) {
            problems.add(new LoadProblem(LoadProblem.Type.SYNTAX, origin(node.getStartMark()), e.getMessage()));
            return scalar.getValue();
        }
    }

    private Origin origin(Mark mark) {
        return mark == null
                ? Origin.of(positions.file())
                : new Origin(positions.file(), mark.getLine() + 1, mark.getColumn() + 1);
    }
}
