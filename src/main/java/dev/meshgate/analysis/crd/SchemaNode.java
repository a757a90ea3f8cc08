package dev.meshgate.analysis.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One node of a CRD's structural OpenAPI v3 schema, read once: what a value there must be (type, format, bounds,
 * enum, pattern), what it holds (properties, items, additional properties), the junctors that constrain it further
 * and the CEL rules ({@code x-kubernetes-validations}) that judge it.
 */
record SchemaNode(
        String type,
        String format,
        List<JsonNode> enumValues,
        Set<String> required,
        boolean nullable,
        Bound minimum,
        Bound maximum,
        BigDecimal multipleOf,
        Long minLength,
        Long maxLength,
        Pattern pattern,
        String patternText,
        Long minItems,
        Long maxItems,
        boolean uniqueItems,
        Long minProperties,
        Long maxProperties,
        Map<String, SchemaNode> properties,
        SchemaNode additionalProperties,
        SchemaNode items,
        List<SchemaNode> allOf,
        List<SchemaNode> anyOf,
        List<SchemaNode> oneOf,
        SchemaNode not,
        boolean intOrString,
        boolean preserveUnknownFields,
        boolean embeddedResource,
        String listType,
        List<String> listMapKeys,
        List<CelRule> rules) {

    /** A numeric bound, exclusive or not. */
    record Bound(BigDecimal value, boolean exclusive) {}

    /** Whether fields the schema does not name are kept (else the API server prunes them). */
    boolean keepsUnknownFields() {
        return preserveUnknownFields || embeddedResource && properties.isEmpty();
    }

    /** Whether the node says nothing about which fields an object holds, so none is unknown. */
    boolean opensObject() {
        return keepsUnknownFields() || additionalProperties != null;
    }
}
