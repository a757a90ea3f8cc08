package dev.meshgate.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.ScannerImpl;

/**
 * Splits one YAML or JSON stream into documents, each converted with its field positions, stopping at the first error.
 * Scalars are read as Kubernetes reads them ({@link KubernetesScanner}, {@link KubernetesResolver}), not as YAML 1.1.
 */
final class YamlDocuments {

    /** One document, or one item of a {@code kind: List} document ({@code listItem}). */
    record Document(JsonNode tree, FieldPositions positions, boolean listItem) {}

    private final LoadLimits limits;
    private final SharedScalars shared = new SharedScalars();

    YamlDocuments(LoadLimits limits) {
        this.limits = limits;
    }

    /**
     * Reads a stream held in memory; the schemas of CRDs whose schemas are not kept are not even scanned when the
     * text allows it ({@link BlankedSchemas}), with the same result as reading all of it.
     */
    List<Document> read(String file, String text, List<LoadProblem> problems) {
        // Blanking a text over the size limit could let it pass the limit.
        BlankedSchemas blanked = text.length() <= limits.maxFileBytes() ? BlankedSchemas.of(text) : null;
        if (blanked != null) {
            List<LoadProblem> found = new ArrayList<>();
            NodeConverter.UnreadSpans unread = new NodeConverter.UnreadSpans();
            List<Document> documents = read(file, blanked.reader(), found, unread);
            if (found.isEmpty() && unread.coverAll(blanked.keyLines())) {
                return documents;
            }
        }
        return read(file, new StringReader(text), problems);
    }

    List<Document> read(String file, Reader reader, List<LoadProblem> problems) {
        return read(file, reader, problems, new NodeConverter.UnreadSpans());
    }

    private List<Document> read(
            String file, Reader reader, List<LoadProblem> problems, NodeConverter.UnreadSpans unread) {
        List<Document> documents = new ArrayList<>();
        int lastLine = 1;
        try {
            LoaderOptions options = options();
            Composer nodes = new Composer(
                    new ParserImpl(new KubernetesScanner(new ScannerImpl(new StreamReader(reader), options))),
                    new KubernetesResolver(),
                    options);
            while (nodes.checkNode()) {
                Node node = nodes.getNode();
                if (node == null) {
                    continue;
                }
                lastLine =
                        node.getEndMark() == null ? lastLine : node.getEndMark().getLine() + 1;
                Node items = listItems(node);
                if (items instanceof SequenceNode sequence) {
                    for (Node item : sequence.getValue()) {
                        documents.add(convert(file, item, true, problems, unread));
                    }
                } else {
                    documents.add(convert(file, node, false, problems, unread));
                }
            }
        } catch (MarkedYAMLException e) {
            problems.add(
                    new LoadProblem(LoadProblem.Type.SYNTAX, origin(file, e.getProblemMark(), lastLine), describe(e)));
        } catch (NodeConverter.TooLargeException e) {
            problems.add(new LoadProblem(LoadProblem.Type.LIMIT, new Origin(file, lastLine, 1), e.getMessage()));
        } catch (YAMLException e) {
            problems.add(classify(file, e, lastLine));
        }
        return documents;
    }

    private Document convert(
            String file, Node node, boolean listItem, List<LoadProblem> problems, NodeConverter.UnreadSpans unread) {
        FieldPositions positions = new FieldPositions(file);
        JsonNode tree =
                new NodeConverter(positions, problems, limits.maxNodesPerDocument(), unread, shared).convert(node);
        return new Document(tree, positions, listItem);
    }

    /** The items of a "kind: List" (or any *List kind) document, else null. */
    private static Node listItems(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            return null;
        }
        boolean isList = false;
        Node items = null;
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                if ("kind".equals(key.getValue())
                        && tuple.getValueNode() instanceof ScalarNode kind
                        && kind.getValue().endsWith("List")) {
                    isList = true;
                } else if ("items".equals(key.getValue())) {
                    items = tuple.getValueNode();
                }
            }
        }
        return isList ? items : null;
    }

    private LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        return options;
    }

    private LoadProblem classify(String file, YAMLException e, int lastLine) {
        String message = String.valueOf(e.getMessage());
        Origin origin = new Origin(file, lastLine, 1);
        if (message.contains("aliases")) {
            return new LoadProblem(
                    LoadProblem.Type.LIMIT,
                    origin,
                    "more than " + limits.maxAliases() + " aliases to collections (a YAML alias bomb?)");
        }
        if (message.contains("Nesting Depth")) {
            return new LoadProblem(
                    LoadProblem.Type.LIMIT, origin, "nesting deeper than " + limits.maxDepth() + " levels");
        }
        if (message.contains("exceeds the limit")) {
            return new LoadProblem(
                    LoadProblem.Type.LIMIT, origin, "document larger than " + limits.maxFileBytes() + " characters");
        }
        return new LoadProblem(LoadProblem.Type.SYNTAX, origin, message);
    }

    private static Origin origin(String file, Mark mark, int fallbackLine) {
        return mark == null
                ? new Origin(file, fallbackLine, 1)
                : new Origin(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** SnakeYAML's problem text without its multi-line excerpt of the source. */
    private static String describe(MarkedYAMLException e) {
        String context = e.getContext() == null ? "" : e.getContext() + ": ";
        return (context + (e.getProblem() == null ? "invalid YAML" : e.getProblem()))
                .replaceAll("\\s+", " ")
                .trim();
    }
}
