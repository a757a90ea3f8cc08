package dev.meshgate.analysis.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.meshgate.manifest.JsonPointer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Reads an {@code openAPIV3Schema} into {@link SchemaNode}s, compiling every pattern and CEL rule once. A schema that
 * is not what the API server accepts throws; a rule that does not compile is kept without a program and reported
 * to the caller, so that the rest of the schema still serves.
 */
final class SchemaParser {

    private static final java.util.regex.Pattern OLD_SELF = java.util.regex.Pattern.compile("\\boldSelf\\b");

    /** A CEL rule that does not compile, at its place in the CRD. */
    record RuleProblem(String pointer, String rule, String reason) {}

    private final List<RuleProblem> ruleProblems = new ArrayList<>();

    List<RuleProblem> ruleProblems() {
        return ruleProblems;
    }

    SchemaNode parse(JsonNode schema, String pointer) throws InvalidCrdException {
        if (!schema.isObject()) {
            throw new InvalidCrdException(pointer, "a schema must be an object");
        }
        Map<String, SchemaNode> properties = new LinkedHashMap<>();
        JsonNode props = schema.path("properties");
        if (!props.isMissingNode()) {
            if (!props.isObject()) {
                throw new InvalidCrdException(JsonPointer.child(pointer, "properties"), "properties must be a map");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                properties.put(
                        field.getKey(),
                        parse(
                                field.getValue(),
                                JsonPointer.child(JsonPointer.child(pointer, "properties"), field.getKey())));
            }
        }
        JsonNode additional = schema.path("additionalProperties");
        SchemaNode additionalProperties =
                additional.isObject() ? parse(additional, JsonPointer.child(pointer, "additionalProperties")) : null;
        JsonNode items = schema.path("items");
        return new SchemaNode(
                text(schema, "type", pointer),
                text(schema, "format", pointer),
                enumValues(schema, pointer),
                strings(schema, "required", pointer),
                schema.path("nullable").asBoolean(false),
                bound(schema, "minimum", "exclusiveMinimum", pointer),
                bound(schema, "maximum", "exclusiveMaximum", pointer),
                decimal(schema, "multipleOf", pointer),
                count(schema, "minLength", pointer),
                count(schema, "maxLength", pointer),
                pattern(schema, pointer),
                schema.path("pattern").isTextual() ? schema.path("pattern").asText() : null,
                count(schema, "minItems", pointer),
                count(schema, "maxItems", pointer),
                schema.path("uniqueItems").asBoolean(false),
                count(schema, "minProperties", pointer),
                count(schema, "maxProperties", pointer),
                properties,
                additionalProperties,
                items.isObject() ? parse(items, JsonPointer.child(pointer, "items")) : null,
                junctor(schema, "allOf", pointer),
                junctor(schema, "anyOf", pointer),
                junctor(schema, "oneOf", pointer),
                schema.path("not").isObject() ? parse(schema.path("not"), JsonPointer.child(pointer, "not")) : null,
                schema.path("x-kubernetes-int-or-string").asBoolean(false),
                schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                        || additional.isBoolean() && additional.asBoolean(),
                schema.path("x-kubernetes-embedded-resource").asBoolean(false),
                text(schema, "x-kubernetes-list-type", pointer),
                List.copyOf(strings(schema, "x-kubernetes-list-map-keys", pointer)),
                rules(schema, pointer));
    }

    private static String text(JsonNode schema, String field, String pointer) throws InvalidCrdException {
        JsonNode node = schema.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidCrdException(JsonPointer.child(pointer, field), field + " must be a string");
        }
        return node.asText();
    }

    private static List<JsonNode> enumValues(JsonNode schema, String pointer) throws InvalidCrdException {
        JsonNode node = schema.path("enum");
        if (node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidCrdException(JsonPointer.child(pointer, "enum"), "enum must be a list");
        }
        List<JsonNode> values = new ArrayList<>();
        node.forEach(values::add);
        return List.copyOf(values);
    }

    private static Set<String> strings(JsonNode schema, String field, String pointer) throws InvalidCrdException {
        JsonNode node = schema.path(field);
        if (node.isMissingNode()) {
            return Set.of();
        }
        if (!node.isArray()) {
            throw new InvalidCrdException(JsonPointer.child(pointer, field), field + " must be a list of strings");
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode value : node) {
            if (!value.isTextual()) {
                throw new InvalidCrdException(JsonPointer.child(pointer, field), field + " must be a list of strings");
            }
            values.add(value.asText());
        }
        return values;
    }

    private static SchemaNode.Bound bound(JsonNode schema, String field, String exclusive, String pointer)
            throws InvalidCrdException {
        BigDecimal value = decimal(schema, field, pointer);
        return value == null
                ? null
                : new SchemaNode.Bound(value, schema.path(exclusive).asBoolean(false));
    }

    private static BigDecimal decimal(JsonNode schema, String field, String pointer) throws InvalidCrdException {
        JsonNode node = schema.path(field);
        if (node.isMissingNode()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new InvalidCrdException(JsonPointer.child(pointer, field), field + " must be a number");
        }
        return node.decimalValue();
    }

    private static Long count(JsonNode schema, String field, String pointer) throws InvalidCrdException {
        JsonNode node = schema.path(field);
        if (node.isMissingNode()) {
            return null;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 0) {
            throw new InvalidCrdException(JsonPointer.child(pointer, field), field + " must be a non-negative integer");
        }
        return node.asLong();
    }

    private static Pattern pattern(JsonNode schema, String pointer) throws InvalidCrdException {
        String text = text(schema, "pattern", pointer);
        if (text == null) {
            return null;
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new InvalidCrdException(
                    JsonPointer.child(pointer, "pattern"), "pattern does not compile: " + e.getMessage());
        }
    }

    private List<SchemaNode> junctor(JsonNode schema, String field, String pointer) throws InvalidCrdException {
        JsonNode node = schema.path(field);
        if (node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidCrdException(JsonPointer.child(pointer, field), field + " must be a list of schemas");
        }
        List<SchemaNode> schemas = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            schemas.add(parse(node.get(i), JsonPointer.child(JsonPointer.child(pointer, field), i)));
        }
        return List.copyOf(schemas);
    }

    private List<CelRule> rules(JsonNode schema, String pointer) throws InvalidCrdException {
        JsonNode node = schema.path("x-kubernetes-validations");
        if (node.isMissingNode()) {
            return List.of();
        }
        String at = JsonPointer.child(pointer, "x-kubernetes-validations");
        if (!node.isArray()) {
            throw new InvalidCrdException(at, "x-kubernetes-validations must be a list");
        }
        List<CelRule> rules = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode rule = node.get(i);
            String rulePointer = JsonPointer.child(at, i);
            String expression = text(rule, "rule", rulePointer);
            if (expression == null) {
                throw new InvalidCrdException(rulePointer, "a validation rule needs a rule");
            }
            // Transition rules compare with the stored object; a new object has none, so they never apply.
            if (OLD_SELF.matcher(expression).find()) {
                continue;
            }
            CelProgram program = compile(expression, rulePointer);
            String messageExpression = text(rule, "messageExpression", rulePointer);
            CelProgram messageProgram = messageExpression == null ? null : compile(messageExpression, rulePointer);
            if (program != null) {
                rules.add(new CelRule(
                        expression,
                        program,
                        text(rule, "message", rulePointer),
                        messageProgram,
                        fieldPath(text(rule, "fieldPath", rulePointer)),
                        text(rule, "reason", rulePointer)));
            }
        }
        return List.copyOf(rules);
    }

    private CelProgram compile(String expression, String pointer) {
        CelEnvironment.Compiled compiled = CelEnvironment.compile(expression);
        if (compiled.program() == null) {
            ruleProblems.add(new RuleProblem(pointer, expression, compiled.error()));
        }
        return compiled.program();
    }

    private static final java.util.regex.Pattern FIELD_PATH_STEP =
            java.util.regex.Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_-]*)|\\['((?:[^'\\\\]|\\\\.)*)'\\]|\\[(\\d+)\\]");

    /** A rule's fieldPath (".spec.ports[0]", "['a.b']") as a JSON pointer relative to the rule's node. */
    static String fieldPath(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        Matcher matcher = FIELD_PATH_STEP.matcher(path);
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            String step = matcher.group(1) != null
                    ? matcher.group(1)
                    : matcher.group(2) != null ? matcher.group(2).replace("\\'", "'") : matcher.group(3);
            pointer.append(JsonPointer.child("", step));
            end = matcher.end();
        }
        // A path meshgate cannot follow points at the rule's own field rather than somewhere wrong.
        return end == path.length() ? pointer.toString() : "";
    }
}
