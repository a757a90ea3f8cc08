package dev.meshgate.analysis.crd;

/**
 * One {@code x-kubernetes-validations} rule, compiled once per run.
 *
 * @param rule the CEL expression as the CRD writes it
 * @param program the compiled rule; null when it did not compile or is a transition rule
 * @param message the CRD's message, or null
 * @param messageProgram the compiled {@code messageExpression}, or null
 * @param fieldPath the field the rule is about, relative to the node ("" for the node itself)
 * @param reason the API server's reason for a failure (FieldValueInvalid, FieldValueForbidden, ...)
 */
record CelRule(
        String rule, CelProgram program, String message, CelProgram messageProgram, String fieldPath, String reason) {

    /** What the API server says when the rule fails, its reason's phrase first. */
    String failure(String evaluatedMessage) {
        String text = evaluatedMessage != null && !evaluatedMessage.isBlank()
                ? evaluatedMessage
                : message != null && !message.isBlank() ? message : "failed rule: " + rule;
        return switch (reason == null ? "" : reason) {
            case "FieldValueForbidden" -> "Forbidden: " + text;
            case "FieldValueRequired" -> "Required value: " + text;
            case "FieldValueDuplicate" -> "Duplicate value: " + text;
            default -> "Invalid value: " + text;
        };
    }
}
