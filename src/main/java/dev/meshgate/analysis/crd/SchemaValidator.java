package dev.meshgate.analysis.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.runtime.CelEvaluationException;
import dev.meshgate.analysis.schema.NameSuggester;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges one object by a structural schema as the API server does: OpenAPI value validation, unknown fields (which
 * the API server prunes), list types, and the CEL rules of every node whose value is present and otherwise valid.
 * One validator per object: it carries the object's CEL cost budget and its converted values.
 */
final class SchemaValidator {

    // The API server checks these itself (ObjectMeta) or ignores them (status is written by controllers).
    private static final Set<String> ROOT_FIELDS_SKIPPED = Set.of("apiVersion", "kind", "metadata", "status");

    private final List<CrdViolation> violations = new ArrayList<>();
    private final CostBudget budget;
    private final CelValues values;
    // A probe only asks whether a junctor's branch holds: it stops at the first violation and keeps none.
    private final boolean probe;
    private boolean failed;

    private SchemaValidator(CostBudget budget, CelValues values, boolean probe) {
        this.budget = budget;
        this.values = values;
        this.probe = probe;
    }

    /** The violations of the whole object, in document order. */
    static List<CrdViolation> validate(JsonNode object, SchemaNode root, CostBudget budget) {
        SchemaValidator validator = new SchemaValidator(budget, new CelValues(), false);
        validator.walkRoot(object, root);
        return validator.violations;
    }

    private void walkRoot(JsonNode object, SchemaNode root) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (ROOT_FIELDS_SKIPPED.contains(field.getKey())) {
                continue;
            }
            SchemaNode property = root.properties().get(field.getKey());
            FieldPath pointer = FieldPath.ROOT.child(field.getKey());
            if (property != null) {
                walk(field.getValue(), property, pointer, true);
            } else if (!root.opensObject()) {
                unknown(pointer, field.getKey(), root);
            }
        }
        root.required().stream()
                .filter(name -> !ROOT_FIELDS_SKIPPED.contains(name) && !object.has(name))
                .forEach(name -> invalid(FieldPath.ROOT.child(name), "Required value"));
    }

    /**
     * Checks a value; in a junctor ({@code structural} false) only the value validations count: junctors neither
     * prune nor run rules.
     */
    private void walk(JsonNode value, SchemaNode schema, FieldPath pointer, boolean structural) {
        if (value.isNull() || failed) {
            // A null the schema does not allow is pruned before validation, like an absent field.
            return;
        }
        int before = violations.size();
        if (!typeMatches(value, schema)) {
            invalid(pointer, "must be of type " + expectedType(schema) + ", not " + jsonType(value));
            return;
        }
        checkFormat(value, schema, pointer);
        checkEnum(value, schema, pointer);
        if (value.isNumber()) {
            checkNumber(value.decimalValue(), schema, pointer);
        } else if (value.isTextual()) {
            checkString(value.asText(), schema, pointer);
        } else if (value.isArray()) {
            checkArray(value, schema, pointer, structural);
        } else if (value.isObject()) {
            checkObject(value, schema, pointer, structural);
        }
        checkJunctors(value, schema, pointer);
        if (structural && violations.size() == before && !schema.rules().isEmpty()) {
            runRules(value, schema, pointer);
        }
    }

    private static boolean typeMatches(JsonNode value, SchemaNode schema) {
        if (schema.intOrString()) {
            return value.isIntegralNumber() || value.isTextual() || isWholeNumber(value);
        }
        if (schema.type() == null) {
            return true;
        }
        return switch (schema.type()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || isWholeNumber(value);
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }

    private static boolean isWholeNumber(JsonNode value) {
        return value.isFloatingPointNumber() && value.asDouble() == Math.rint(value.asDouble());
    }

    private static String expectedType(SchemaNode schema) {
        return schema.intOrString() ? "integer or string" : schema.type();
    }

    private static String jsonType(JsonNode value) {
        if (value.isObject()) {
            return "object";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isTextual()) {
            return "string " + quoted(value);
        }
        if (value.isBoolean()) {
            return "boolean " + value.asText();
        }
        return value.isIntegralNumber() ? "integer " + value.asText() : "number " + value.asText();
    }

    private void checkFormat(JsonNode value, SchemaNode schema, FieldPath pointer) {
        String format = schema.format();
        if (format == null) {
            return;
        }
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            if ("int32".equals(format) && outside(number, Integer.MIN_VALUE, Integer.MAX_VALUE)
                    || "int64".equals(format) && outside(number, Long.MIN_VALUE, Long.MAX_VALUE)) {
                invalid(pointer, "must be a valid " + format + ", not " + value.asText());
            }
            return;
        }
        if (!value.isTextual()) {
            return;
        }
        String text = value.asText();
        boolean valid =
                switch (format) {
                    case "byte" -> isBase64(text);
                    case "date-time" -> isDateTime(text);
                    default -> true;
                };
        if (!valid) {
            invalid(pointer, "must be a valid " + format + ", not " + quoted(value));
        }
    }

    private static boolean outside(BigDecimal number, long min, long max) {
        return number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0;
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private void checkEnum(JsonNode value, SchemaNode schema, FieldPath pointer) {
        if (schema.enumValues().isEmpty()) {
            return;
        }
        for (JsonNode allowed : schema.enumValues()) {
            if (allowed.equals(value)
                    || allowed.isNumber()
                            && value.isNumber()
                            && allowed.decimalValue().compareTo(value.decimalValue()) == 0) {
                return;
            }
        }
        invalid(
                pointer,
                "Unsupported value: " + quoted(value) + ": supported values: "
                        + schema.enumValues().stream()
                                .map(SchemaValidator::quoted)
                                .collect(Collectors.joining(", ")));
    }

    private void checkNumber(BigDecimal number, SchemaNode schema, FieldPath pointer) {
        SchemaNode.Bound min = schema.minimum();
        if (min != null && (min.exclusive() ? number.compareTo(min.value()) <= 0 : number.compareTo(min.value()) < 0)) {
            invalid(
                    pointer,
                    "should be greater than " + (min.exclusive() ? "" : "or equal to ")
                            + min.value().toPlainString());
        }
        SchemaNode.Bound max = schema.maximum();
        if (max != null && (max.exclusive() ? number.compareTo(max.value()) >= 0 : number.compareTo(max.value()) > 0)) {
            invalid(
                    pointer,
                    "should be less than " + (max.exclusive() ? "" : "or equal to ")
                            + max.value().toPlainString());
        }
        BigDecimal step = schema.multipleOf();
        if (step != null && step.signum() > 0 && number.remainder(step).signum() != 0) {
            invalid(pointer, "must be a multiple of " + step.toPlainString());
        }
    }

    private void checkString(String text, SchemaNode schema, FieldPath pointer) {
        long length = text.codePointCount(0, text.length());
        if (schema.maxLength() != null && length > schema.maxLength()) {
            invalid(pointer, "Too long: may not be longer than " + schema.maxLength());
        }
        if (schema.minLength() != null && length < schema.minLength()) {
            invalid(pointer, "should be at least " + schema.minLength() + " chars long");
        }
        if (schema.pattern() != null && !schema.pattern().matcher(text).find()) {
            invalid(pointer, "should match '" + schema.patternText() + "'");
        }
    }

    private void checkArray(JsonNode list, SchemaNode schema, FieldPath pointer, boolean structural) {
        if (schema.maxItems() != null && list.size() > schema.maxItems()) {
            invalid(pointer, "Too many: " + list.size() + ": must have at most " + schema.maxItems() + " items");
        }
        if (schema.minItems() != null && list.size() < schema.minItems()) {
            invalid(pointer, "should have at least " + schema.minItems() + " items");
        }
        if (schema.uniqueItems() || "set".equals(schema.listType())) {
            Set<JsonNode> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                if (!seen.add(list.get(i))) {
                    invalid(pointer.child(i), "Duplicate value: " + quoted(list.get(i)));
                }
            }
        }
        if ("map".equals(schema.listType()) && !schema.listMapKeys().isEmpty()) {
            Set<List<JsonNode>> keys = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode element = list.get(i);
                List<JsonNode> key =
                        schema.listMapKeys().stream().map(element::path).toList();
                if (!keys.add(key)) {
                    invalid(
                            pointer.child(i),
                            "Duplicate value: "
                                    + schema.listMapKeys().stream()
                                            .map(name -> name + "="
                                                    + element.path(name).asText())
                                            .collect(Collectors.joining(", ")));
                }
            }
        }
        if (schema.items() != null) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), schema.items(), pointer.child(i), structural);
            }
        }
    }

    private void checkObject(JsonNode object, SchemaNode schema, FieldPath pointer, boolean structural) {
        int size = object.size();
        if (schema.maxProperties() != null && size > schema.maxProperties()) {
            invalid(pointer, "Too many: " + size + ": must have at most " + schema.maxProperties() + " items");
        }
        if (schema.minProperties() != null && size < schema.minProperties()) {
            invalid(pointer, "should have at least " + schema.minProperties() + " properties");
        }
        for (String name : schema.required()) {
            if (!object.has(name)) {
                invalid(pointer.child(name), "Required value");
            }
        }
        if (!structural && schema.properties().isEmpty() && schema.additionalProperties() == null) {
            // A junctor's branch that only names required fields says nothing about the fields themselves.
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext() && !failed; ) {
            Map.Entry<String, JsonNode> field = it.next();
            FieldPath child = pointer.child(field.getKey());
            SchemaNode property = schema.properties().get(field.getKey());
            if (property != null) {
                walk(field.getValue(), property, child, structural);
            } else if (schema.additionalProperties() != null) {
                walk(field.getValue(), schema.additionalProperties(), child, structural);
            } else if (structural && !schema.keepsUnknownFields() && schema.type() != null) {
                unknown(child, field.getKey(), schema);
            }
        }
    }

    private void checkJunctors(JsonNode value, SchemaNode schema, FieldPath pointer) {
        for (SchemaNode all : schema.allOf()) {
            walk(value, all, pointer, false);
        }
        if (!schema.anyOf().isEmpty() && schema.anyOf().stream().noneMatch(any -> holds(value, any, pointer))) {
            junctorFails(pointer, "must validate at least one schema (anyOf)", schema.anyOf());
        }
        if (!schema.oneOf().isEmpty()) {
            int matching = 0;
            for (SchemaNode one : schema.oneOf()) {
                if (holds(value, one, pointer) && ++matching > 1) {
                    break;
                }
            }
            if (matching != 1) {
                junctorFails(pointer, "must validate one and only one schema (oneOf)", schema.oneOf());
            }
        }
        if (schema.not() != null && holds(value, schema.not(), pointer)) {
            junctorFails(pointer, "must not validate the schema (not)", List.of(schema.not()));
        }
    }

    private void junctorFails(FieldPath pointer, String what, List<SchemaNode> branches) {
        if (probe) {
            // Naming the branches' fields is for the user: a probe's failure is never shown.
            failed = true;
        } else {
            invalid(pointer, what + fieldsNamed(branches));
        }
    }

    /** Whether the value passes a junctor's branch (value validations only: branches neither prune nor run rules). */
    private boolean holds(JsonNode value, SchemaNode schema, FieldPath pointer) {
        SchemaValidator inner = new SchemaValidator(budget, values, true);
        inner.walk(value, schema, pointer, false);
        return !inner.failed;
    }

    /** The fields junctors are usually about (Istio's oneofs: at most one of them may be set), for the message. */
    private static String fieldsNamed(List<SchemaNode> branches) {
        Set<String> names = new java.util.TreeSet<>();
        collectRequired(branches, names);
        return names.isEmpty() ? "" : ": at most one of " + String.join(", ", names) + " may be set";
    }

    private static void collectRequired(List<SchemaNode> branches, Set<String> names) {
        for (SchemaNode branch : branches) {
            names.addAll(branch.required());
            collectRequired(branch.anyOf(), names);
            collectRequired(branch.oneOf(), names);
            if (branch.not() != null) {
                collectRequired(List.of(branch.not()), names);
            }
        }
    }

    private void runRules(JsonNode value, SchemaNode schema, FieldPath pointer) {
        for (CelRule rule : schema.rules()) {
            Object self = values.of(value, schema);
            try {
                Object result = rule.program().evaluate(self, budget);
                if (Boolean.FALSE.equals(result)) {
                    add(new CrdViolation(
                            pointer.pointer() + rule.fieldPath(),
                            CrdViolation.Problem.RULE_FAILED,
                            failure(rule, self),
                            null));
                } else if (!(result instanceof Boolean)) {
                    notEvaluated(pointer, rule, "it returned " + result + " instead of a boolean");
                }
            } catch (CelEvaluationException | CostBudget.Exceeded e) {
                notEvaluated(pointer, rule, e.getMessage());
            }
        }
    }

    private String failure(CelRule rule, Object self) {
        if (rule.messageProgram() != null) {
            try {
                if (rule.messageProgram().evaluate(self, budget) instanceof String text) {
                    return rule.failure(text);
                }
            } catch (CelEvaluationException | CostBudget.Exceeded e) {
                // The API server falls back to the static message when the message expression fails.
            }
        }
        return rule.failure(null);
    }

    private void notEvaluated(FieldPath pointer, CelRule rule, String why) {
        add(new CrdViolation(
                pointer.pointer(), CrdViolation.Problem.RULE_NOT_EVALUATED, "rule " + rule.rule() + ": " + why, null));
    }

    private void invalid(FieldPath pointer, String detail) {
        if (probe) {
            failed = true;
        } else {
            violations.add(new CrdViolation(pointer.pointer(), CrdViolation.Problem.INVALID, detail, null));
        }
    }

    private void add(CrdViolation violation) {
        if (probe) {
            failed = true;
        } else {
            violations.add(violation);
        }
    }

    private void unknown(FieldPath pointer, String name, SchemaNode schema) {
        add(new CrdViolation(
                pointer.pointer(),
                CrdViolation.Problem.UNKNOWN_FIELD,
                name,
                NameSuggester.closest(name, schema.properties().keySet()).orElse(null)));
    }

    private static String quoted(JsonNode value) {
        return value.isTextual() ? "\"" + value.asText() + "\"" : value.toString();
    }
}
