package dev.meshgate.analysis.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.schema.StructureViolation.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Walks one JSON tree against the shapes of a model type and collects what does not fit. */
final class TreeWalker {

    private final ShapeCatalog catalog;
    private final List<StructureViolation> violations;
    // The pointer of the node being walked, grown and cut back in place: a valid resource allocates no pointer at all.
    private final StringBuilder path = new StringBuilder(128);
    private String kind = "";

    TreeWalker(ShapeCatalog catalog, List<StructureViolation> violations) {
        this.catalog = catalog;
        this.violations = violations;
    }

    /** Walks a whole resource; the top-level {@code status} is written by controllers, not by users. */
    void walkResource(JsonNode resource, Shape.Bean shape) {
        if (!resource.isObject()) {
            wrongType("object", resource);
            return;
        }
        kind = resource.path("kind").asText("");
        walkBean(resource, shape, true);
    }

    private void walk(JsonNode node, int shape) {
        walk(node, catalog.shape(shape));
    }

    private void walk(JsonNode node, Shape shape) {
        // The API server prunes nulls of non-nullable fields, so a null is never a structural mistake.
        if (node.isNull()) {
            return;
        }
        if (shape instanceof Shape.Bean bean) {
            if (node.isObject()) {
                walkBean(node, bean, false);
            } else {
                wrongType("object", node);
            }
        } else if (shape instanceof Shape.ListOf list) {
            walkList(node, catalog.shape(list.element()));
        } else if (shape instanceof Shape.Items items) {
            walkList(node, items.element());
        } else if (shape instanceof Shape.MapOf map) {
            walkMap(node, map);
        } else if (shape instanceof Shape.Fields fields) {
            walkFields(node, fields);
        } else if (shape instanceof Shape.Scalar scalar) {
            checkScalar(node, scalar.kind());
        } else if (shape instanceof Shape.Enumerated enumerated) {
            checkEnum(node, enumerated);
        }
        // Shape.Anything: nothing to check
    }

    private void walkBean(JsonNode node, Shape.Bean bean, boolean resourceRoot) {
        Map<Shape.OneOf, Shape.Member> chosen = null;
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (resourceRoot && name.equals("status")) {
                continue;
            }
            int mark = enter(escape(name));
            Shape.Member member = bean.members().get(name);
            if (member == null) {
                String child = path.toString();
                Shape added = ModelGaps.missingField(child);
                if (added == null) {
                    violations.add(new StructureViolation(
                            child,
                            Problem.UNKNOWN_FIELD,
                            unknownField(name, bean.members().keySet())));
                } else {
                    walk(value, added);
                }
                leave(mark);
                continue;
            }
            if (member.oneOf() != null && !value.isNull()) {
                if (chosen == null) {
                    chosen = new HashMap<>(4);
                }
                Shape.Member first = chosen.putIfAbsent(member.oneOf(), member);
                if (first != null && first.variant() != member.variant()) {
                    violations.add(new StructureViolation(
                            path.toString(),
                            Problem.WRONG_TYPE,
                            "only one of " + String.join(", ", member.oneOf().members()) + " may be set"));
                }
            }
            walk(value, member.shape());
            leave(mark);
        }
        if (!resourceRoot) {
            checkRequired(node);
        }
    }

    private void checkRequired(JsonNode node) {
        List<String> required = RequiredFields.of(kind, path);
        // Indexed: this runs for every object of every resource, and an iterator is allocated each time.
        for (int i = 0; i < required.size(); i++) {
            String field = required.get(i);
            if (!node.hasNonNull(field)) {
                violations.add(new StructureViolation(path.toString(), Problem.MISSING_FIELD, field));
            }
        }
    }

    /** Descends into a child; returns the mark to cut the path back to. */
    private int enter(String segment) {
        int mark = path.length();
        path.append('/').append(segment);
        return mark;
    }

    private void leave(int mark) {
        path.setLength(mark);
    }

    /** A field the overlay of ModelGaps describes: known members only, each of its shape. */
    private void walkFields(JsonNode node, Shape.Fields fields) {
        if (!node.isObject()) {
            wrongType("object", node);
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            int mark = enter(escape(field.getKey()));
            Shape member = fields.members().get(field.getKey());
            if (member == null) {
                violations.add(new StructureViolation(
                        path.toString(),
                        Problem.UNKNOWN_FIELD,
                        unknownField(field.getKey(), fields.members().keySet())));
            } else {
                walk(field.getValue(), member);
            }
            leave(mark);
        }
    }

    private static String unknownField(String name, Set<String> members) {
        return NameSuggester.closest(name, members)
                .map(known -> "unknown field '" + name + "', did you mean '" + known + "'?")
                .orElse("unknown field '" + name + "'");
    }

    private void walkList(JsonNode node, Shape element) {
        if (!node.isArray()) {
            wrongType("array", node);
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            int mark = path.length();
            path.append('/').append(i);
            walk(node.get(i), element);
            leave(mark);
        }
    }

    private void walkMap(JsonNode node, Shape.MapOf map) {
        if (!node.isObject()) {
            wrongType("object", node);
            return;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            int mark = enter(escape(entry.getKey()));
            if (map.labelValues()) {
                checkScalar(entry.getValue(), Shape.ScalarKind.LABEL_VALUE);
            } else {
                walk(entry.getValue(), map.value());
            }
            leave(mark);
        }
    }

    private void checkScalar(JsonNode node, Shape.ScalarKind kind) {
        boolean fits =
                switch (kind) {
                    case STRING -> node.isTextual();
                        // `version: 2` in labels is a number to YAML, and the API server refuses it: quote it.
                    case LABEL_VALUE -> node.isNull() || node.isTextual();
                    case INTEGER -> node.isIntegralNumber()
                            && (node.canConvertToInt()
                                    || (node.canConvertToLong() && ModelGaps.unsignedInteger(path.toString()) != null));
                        // fabric8 uses Long for uint32 fields (ports), which the CRDs type as integer: no numeric
                        // strings.
                    case LONG -> node.isIntegralNumber() && node.canConvertToLong();
                    case NUMBER -> node.isNumber();
                    case BOOLEAN -> node.isBoolean();
                    case INT_OR_STRING -> node.isTextual() || node.isIntegralNumber();
                };
        if (!fits && !ModelGaps.enumTypedAsNumber(path.toString(), node)) {
            boolean tooBig =
                    node.isIntegralNumber() && (kind == Shape.ScalarKind.INTEGER || kind == Shape.ScalarKind.LONG);
            violations.add(new StructureViolation(
                    path.toString(),
                    Problem.WRONG_TYPE,
                    "expected " + kind.expected + ", got " + (tooBig ? "number out of range" : jsonType(node))));
        } else if (fits && node.isIntegralNumber()) {
            checkUnsigned(node, kind);
        }
    }

    /**
     * The CRDs bound protobuf's unsigned integers (0 to 4294967295 for uint32, from 0 for uint64), which fabric8 types
     * as Long (and the wrapped ones as Integer): a negative or too large value is refused by the API server.
     */
    private void checkUnsigned(JsonNode node, Shape.ScalarKind kind) {
        long value = node.asLong();
        // Within uint32 every bound holds, so the field's pointer is only made and matched for a value outside it.
        if (value >= 0 && value <= ModelGaps.UINT32_MAX) {
            return;
        }
        String pointer = path.toString();
        ModelGaps.Unsigned unsigned =
                kind == Shape.ScalarKind.LONG ? ModelGaps.unsignedLong(pointer) : ModelGaps.unsignedInteger(pointer);
        if (unsigned == null) {
            return;
        }
        if (value < 0 || (unsigned.max() != null && value > unsigned.max())) {
            violations.add(new StructureViolation(
                    pointer,
                    Problem.OUT_OF_RANGE,
                    node.asText() + " is out of range, must be between 0 and "
                            + (unsigned.max() == null ? Long.MAX_VALUE : unsigned.max())));
        }
    }

    private void checkEnum(JsonNode node, Shape.Enumerated enumerated) {
        if (node.isContainerNode()) {
            wrongType("string", node);
        } else if (!node.isTextual() || !enumerated.values().contains(node.textValue())) {
            // Istio's CRD schemas list the names only: no numbers, no other letter case.
            List<String> added = ModelGaps.addedEnumValues(path.toString());
            if (node.isTextual() && added.contains(node.textValue())) {
                return;
            }
            violations.add(new StructureViolation(
                    path.toString(),
                    Problem.BAD_ENUM_VALUE,
                    "'" + node.asText() + "' is not one of " + enumerated.listing()
                            + (added.isEmpty() ? "" : ", " + String.join(", ", added))));
        }
    }

    private void wrongType(String expected, JsonNode node) {
        violations.add(new StructureViolation(
                path.toString(), Problem.WRONG_TYPE, "expected " + expected + ", got " + jsonType(node)));
    }

    private static String jsonType(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            case STRING, BINARY -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL, MISSING -> "null";
        };
    }

    /** RFC 6901: '~' becomes "~0" and '/' becomes "~1", in that order. */
    static String escape(String segment) {
        if (segment.indexOf('~') < 0 && segment.indexOf('/') < 0) {
            return segment;
        }
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
