package dev.meshgate.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * Fields no rule reads ({@link UnreadFields}) are checked for the same problems but left out of tree and positions.
 */
final class NodeConverter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final FieldPositions positions;
    private final List<LoadProblem> problems;
    private final int maxNodes;
    private final UnreadSpans unread;
    private final SharedScalars shared;
    private int nodes;

    NodeConverter(
            FieldPositions positions,
            List<LoadProblem> problems,
            int maxNodes,
            UnreadSpans unread,
            SharedScalars shared) {
        this.positions = positions;
        this.problems = problems;
        this.maxNodes = maxNodes;
        this.unread = unread;
        this.shared = shared;
    }

    /** The lines (from 1) of the fields left unread: from a field's key to the end of its value. */
    static final class UnreadSpans {
        private final List<int[]> spans = new ArrayList<>();

        void add(Node key, Node value) {
            if (key.getStartMark() != null && value.getEndMark() != null) {
                spans.add(new int[] {
                    key.getStartMark().getLine() + 1, value.getEndMark().getLine() + 1
                });
            }
        }

        /** Whether every line is in one of the spans. */
        boolean coverAll(List<Integer> lines) {
            return lines.stream().allMatch(line -> spans.stream().anyMatch(span -> span[0] <= line && line <= span[1]));
        }
    }

    /** Thrown when aliases expand a document beyond the node limit. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(String message) {
            super(message, null, false, false);
        }
    }

    /** Converts a document's root node. */
    JsonNode convert(Node node) {
        return convert(node, positions.root(), UnreadFields.atRoot(node));
    }

    /** Converts a node whose position entry is already made; its start is recorded there. */
    private JsonNode convert(Node node, int entry, UnreadFields where) {
        countNode();
        Mark start = node.getStartMark();
        if (start != null) {
            positions.at(entry, start.getLine() + 1, start.getColumn() + 1);
        }
        if (node instanceof MappingNode mapping) {
            return convertMapping(mapping, entry, where);
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = NODES.arrayNode();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                array.add(convert(items.get(i), positions.child(entry, FieldPositions.index(i)), where.item()));
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    private ObjectNode convertMapping(MappingNode mapping, int entry, UnreadFields where) {
        // Sized for its fields: most objects hold one to three, and a default map's table is room for twelve.
        ObjectNode object = new ObjectNode(
                NODES, new java.util.LinkedHashMap<>((int) (mapping.getValue().size() / 0.75f) + 1));
        // Unread fields are not in the object, but a second writing of one is still a duplicate.
        Set<String> unreadKeys = null;
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (isMergeKey(keyNode)) {
                continue;
            }
            String key = key(keyNode);
            if (object.has(key) || (unreadKeys != null && unreadKeys.contains(key))) {
                duplicate(keyNode, key);
            }
            int child = positions.child(entry, key);
            UnreadFields field = where.field(key);
            if (field == UnreadFields.UNREAD) {
                check(tuple.getValueNode());
                unread.add(keyNode, tuple.getValueNode());
                if (unreadKeys == null) {
                    unreadKeys = new HashSet<>();
                }
                unreadKeys.add(key);
            } else {
                object.set(key, convert(tuple.getValueNode(), child, field));
            }
            // A field's position is its key's, as kubectl and istioctl report it.
            Mark keyStart = keyNode.getStartMark();
            if (keyStart != null) {
                positions.at(child, keyStart.getLine() + 1, keyStart.getColumn() + 1);
            }
        }
        for (Node source : mergedSources(mapping)) {
            convert(source, entry, where).fields().forEachRemaining(e -> {
                if (!object.has(e.getKey())) {
                    object.set(e.getKey(), e.getValue());
                }
            });
        }
        return object;
    }

    /** Reads a node that is not kept as conversion would, for its problems and its size. */
    private void check(Node node) {
        countNode();
        if (node instanceof MappingNode mapping) {
            Set<String> keys = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (isMergeKey(keyNode)) {
                    continue;
                }
                String key = key(keyNode);
                if (!keys.add(key)) {
                    duplicate(keyNode, key);
                }
                check(tuple.getValueNode());
            }
            mergedSources(mapping).forEach(this::check);
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(this::check);
        } else {
            scalar((ScalarNode) node);
        }
    }

    private void countNode() {
        if (++nodes > maxNodes) {
            throw new TooLargeException("document expands to more than " + maxNodes + " YAML nodes");
        }
    }

    private void duplicate(Node keyNode, String key) {
        problems.add(new LoadProblem(
                LoadProblem.Type.DUPLICATE_KEY,
                origin(keyNode.getStartMark()),
                "key '" + key + "' appears more than once in the same mapping; only the last value is used"));
    }

    private static boolean isMergeKey(Node keyNode) {
        return keyNode instanceof ScalarNode key && "<<".equals(key.getValue()) && key.getTag() == Tag.MERGE;
    }

    /**
     * The mappings merged into a mapping by YAML merge keys ("<<: *base"), in order; fields written in the mapping
     * win over merged ones.
     */
    private static List<Node> mergedSources(MappingNode mapping) {
        List<Node> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (isMergeKey(tuple.getKeyNode())) {
                Node value = tuple.getValueNode();
                for (Node source : value instanceof SequenceNode seq ? seq.getValue() : List.of(value)) {
                    if (source instanceof MappingNode) {
                        merged.add(source);
                    }
                }
            }
        }
        return merged;
    }

    /** A scalar as Kubernetes reads it; one it cannot read is a problem, and its text stands in for it. */
    private JsonNode scalar(ScalarNode node) {
        try {
            return shared.value(KubernetesScalars.json(KubernetesScalars.tagged(node.getTag(), node.getValue())));
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
            return shared.key(KubernetesScalars.key(
                    KubernetesScalars.tagged(scalar.getTag(), scalar.getValue()), scalar.getValue()));
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
