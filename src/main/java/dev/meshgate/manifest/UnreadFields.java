package dev.meshgate.manifest;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The fields of a document that no rule reads and that outweigh the rest of it: the OpenAPI schemas of the
 * CustomResourceDefinitions of groups meshgate does not judge structure by (a platform repository's CRDs are most of
 * its bytes). They are still checked for what reading reports (syntax, duplicate keys, unreadable scalars), but kept
 * neither in the tree nor in the positions. Where the reader stands in the document is one of these states.
 */
enum UnreadFields {
    /** Every field is kept. */
    KEPT,
    /** The root of a CRD whose schemas are not kept. */
    CRD,
    /** Its {@code spec}: {@code validation} (v1beta1's schema) is unread, {@code versions} holds the others. */
    CRD_SPEC,
    /** Its {@code spec.versions}. */
    CRD_VERSIONS,
    /** One item of {@code spec.versions}: its {@code schema} is unread. */
    CRD_VERSION,
    /** A field that is checked but not kept. */
    UNREAD;

    /** The state of a document's root. */
    static UnreadFields atRoot(Node root) {
        if (!(root instanceof MappingNode mapping)) {
            return KEPT;
        }
        String apiVersion = scalar(mapping, "apiVersion");
        String group = scalar(value(mapping, "spec"), "group");
        boolean crd = "CustomResourceDefinition".equals(scalar(mapping, "kind"))
                && apiVersion != null
                && apiVersion.startsWith("apiextensions.k8s.io/");
        return crd && group != null && !CrdGroups.schemaRead(group) ? CRD : KEPT;
    }

    /** The state of the value of a mapping's field. */
    UnreadFields field(String key) {
        return switch (this) {
            case CRD -> key.equals("spec") ? CRD_SPEC : KEPT;
            case CRD_SPEC -> key.equals("validation") ? UNREAD : key.equals("versions") ? CRD_VERSIONS : KEPT;
            case CRD_VERSION -> key.equals("schema") ? UNREAD : KEPT;
            case UNREAD -> UNREAD;
            default -> KEPT;
        };
    }

    /** The state of a sequence's items. */
    UnreadFields item() {
        return switch (this) {
            case CRD_VERSIONS -> CRD_VERSION;
            case UNREAD -> UNREAD;
            default -> KEPT;
        };
    }

    /** The text of a scalar field (the last one written, as the tree keeps it), else null. */
    private static String scalar(Node mapping, String key) {
        return value(mapping, key) instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    private static Node value(Node node, String key) {
        Node found = null;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && key.equals(scalar.getValue())) {
                    found = tuple.getValueNode();
                }
            }
        }
        return found;
    }
}
