package dev.meshgate.analysis.schema;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What JSON a model type accepts. The built-in model's shapes are read from {@link ShapeCatalog}, where shapes name
 * the shapes of their elements, values and members by their number in the catalog (a type may contain itself).
 */
sealed interface Shape {

    /** Anything goes: free-form payloads (EnvoyFilter patch values, WasmPlugin config) and types we cannot judge. */
    record Anything() implements Shape {}

    /** A JSON scalar of one kind. */
    record Scalar(ScalarKind kind) implements Shape {}

    /** A string out of a fixed set; {@code listing} keeps Istio's documented order for messages. */
    record Enumerated(Set<String> values, String listing) implements Shape {}

    /** A JSON array whose elements have the catalog's shape number {@code element}. */
    record ListOf(int element) implements Shape {}

    /** A JSON object with free keys; {@code labelValues} marks Map&lt;String,String&gt; that tolerate YAML scalars. */
    record MapOf(int value, boolean labelValues) implements Shape {}

    /** A JSON object with a fixed set of members, oneof members included. */
    record Bean(Map<String, Member> members) implements Shape {}

    /** A JSON object with a fixed set of members, described directly rather than by a model type (see ModelGaps). */
    record Fields(Map<String, Shape> members) implements Shape {}

    /** A JSON array whose elements have a shape described directly (see ModelGaps). */
    record Items(Shape element) implements Shape {}

    /**
     * One accepted member of a {@link Bean}, of the catalog's shape number {@code shape}; outside oneofs {@code oneOf}
     * is null and {@code variant} is {@link #NO_VARIANT}, inside one {@code variant} tells its implementations apart.
     */
    record Member(int shape, OneOf oneOf, int variant) {

        /** The variant of a member outside oneofs. */
        static final int NO_VARIANT = -1;
    }

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
