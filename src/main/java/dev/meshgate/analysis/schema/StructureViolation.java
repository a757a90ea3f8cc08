package dev.meshgate.analysis.schema;

/** One structural mistake in a resource: where it is (RFC 6901 JSON pointer), what kind it is, and a short text. */
public record StructureViolation(String pointer, Problem problem, String detail) {

    /** The kinds of structural mistake the validator reports. */
    public enum Problem {
        UNKNOWN_FIELD,
        WRONG_TYPE,
        BAD_ENUM_VALUE,
        OUT_OF_RANGE,
        /** A required field is absent: the pointer is its object's, the detail the field's name. */
        MISSING_FIELD
    }
}
