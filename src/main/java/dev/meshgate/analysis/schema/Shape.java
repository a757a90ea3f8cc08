package dev.meshgate.analysis.schema;

import com.fasterxml.jackson.databind.JavaType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What JSON a model type accepts, as worked out once by {@link ModelIntrospector}. */
sealed interface Shape {

    /** Anything goes: free-form payloads (EnvoyFilter patch values, WasmPlugin config) and types we cannot judge. */
    record Anything() implements Shape {}

    /** A JSON scalar of one kind. */
    record Scalar(ScalarKind kind) implements Shape {}

    /** A string out of a fixed set; {@code listing} keeps Istio's documented order for messages. */
    record Enumerated(Set<String> values, String listing) implements Shape {}

    /** A JSON array whose elements have the element type. */
    record ListOf(JavaType element) implements Shape {}

    /** A JSON object with free keys; {@code labelValues} marks Map&lt;String,String&gt; that tolerate YAML scalars. */
    record MapOf(JavaType value, boolean labelValues) implements Shape {}

    /** A JSON object with a fixed set of members, oneof members included. */
    record Bean(Map<String, Member> members) implements Shape {}

    /** A JSON object with a fixed set of members, described directly rather than by a model type (see ModelGaps). */
    record Fields(Map<String, Shape> members) implements Shape {}

    /** A JSON array whose elements have a shape described directly (see ModelGaps). */
    record Items(Shape element) implements Shape {}

    /** One accepted member of a {@link Bean}; {@code oneOf} and {@code variant} are null outside oneofs. */
    record Member(JavaType type, OneOf oneOf, Class<?> variant) {}

    /** A protobuf oneof: the unwrapped Java property and the JSON names of all its members, in subtype order. */
    record OneOf(String property, List<String> members) {}

    /** The scalar kinds the Istio model uses. */
    enum ScalarKind {
        STRING("string"),
        LABEL_VALUE("string"),
        INTEGER("integer"),
        LONG("integer"),
        NUMBER("number"),
        BOOLEAN("boolean"),
        INT_OR_STRING("integer or string");

        final String expected;

        ScalarKind(String expected) {
            this.expected = expected;
        }
    }
}
