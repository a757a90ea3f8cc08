package dev.meshgate.analysis.crd;

/**
 * One way a resource breaks its CRD, at the JSON pointer of the field concerned.
 *
 * @param suggestion for an unknown field, the closest field the schema knows; else null
 */
public record CrdViolation(String pointer, Problem problem, String detail, String suggestion) {

    /** What kind of problem it is. */
    public enum Problem {
        /** A field the schema does not define: the API server prunes it (or strict validation rejects it). */
        UNKNOWN_FIELD,
        /** A value the OpenAPI schema rejects: type, format, enum, bounds, lengths, pattern, required, junctors. */
        INVALID,
        /** A CEL validation rule evaluated to false; the detail is the CRD's message. */
        RULE_FAILED,
        /** A CEL validation rule could not be evaluated: it errored or exceeded the cost limit. */
        RULE_NOT_EVALUATED
    }
}
