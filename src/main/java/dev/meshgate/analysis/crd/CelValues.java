package dev.meshgate.analysis.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.NullValue;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the JSON of a resource into the values CEL rules see, typed by the schema as the API server types them:
 * numbers of a {@code number} field are doubles even when written as integers, objects are maps, lists are lists.
 * A value converted once is reused by the rules of every enclosing field.
 */
final class CelValues {

    private final Map<JsonNode, Object> converted = new IdentityHashMap<>();

    Object of(JsonNode value, SchemaNode schema) {
        Object known = converted.get(value);
        if (known != null) {
            return known;
        }
        Object result = convert(value, schema);
        converted.put(value, result);
        return result;
    }

    private Object convert(JsonNode value, SchemaNode schema) {
        if (value.isNull()) {
            return NullValue.NULL_VALUE;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            boolean asDouble = schema != null && "number".equals(schema.type()) || !value.canConvertToLong();
            return asDouble || value.isFloatingPointNumber() && !isWhole(value)
                    ? (Object) value.asDouble()
                    : (Object) value.asLong();
        }
        if (value.isArray()) {
            SchemaNode items = schema == null ? null : schema.items();
            List<Object> list = new ArrayList<>(value.size());
            value.forEach(element -> list.add(of(element, items)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            map.put(field.getKey(), of(field.getValue(), child(schema, field.getKey())));
        }
        return map;
    }

    private static boolean isWhole(JsonNode value) {
        double number = value.asDouble();
        return number == Math.rint(number) && !Double.isInfinite(number);
    }

    private static SchemaNode child(SchemaNode schema, String field) {
        if (schema == null) {
            return null;
        }
        SchemaNode property = schema.properties().get(field);
        return property != null ? property : schema.additionalProperties();
    }
}
