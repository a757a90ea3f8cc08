package dev.meshgate.analysis.rules.gatewayapi;

/**
 * Whether a listener lets a route attach: it does, it does not (and why), or the input cannot tell (a namespace
 * selector over labels of a Namespace the input does not hold, a protocol Istio gives no default route kinds).
 */
record Admission(Outcome outcome, String reason) {

    /** The three answers. */
    enum Outcome {
        ADMITTED,
        REFUSED,
        UNKNOWN
    }

    static final Admission ADMITTED = new Admission(Outcome.ADMITTED, "");
    static final Admission UNKNOWN = new Admission(Outcome.UNKNOWN, "");

    static Admission refused(String reason) {
        return new Admission(Outcome.REFUSED, reason);
    }

    boolean refused() {
        return outcome == Outcome.REFUSED;
    }
}
