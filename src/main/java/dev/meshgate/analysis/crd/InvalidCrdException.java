package dev.meshgate.analysis.crd;

/** A CRD meshgate cannot read as the API server would: its pointer names the offending part of the CRD. */
final class InvalidCrdException extends Exception {

    private final String pointer;

    InvalidCrdException(String pointer, String message) {
        super(message, null, false, false);
        this.pointer = pointer;
    }

    String pointer() {
        return pointer;
    }
}
