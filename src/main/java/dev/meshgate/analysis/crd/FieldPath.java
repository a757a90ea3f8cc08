package dev.meshgate.analysis.crd;

import dev.meshgate.manifest.JsonPointer;

/**
 * Where the validator is in the object, rendered as a JSON pointer only when a violation needs it: most fields are
 * valid, and spelling every field's pointer cost more than checking it.
 */
final class FieldPath {

    static final FieldPath ROOT = new FieldPath(null, null);

    private final FieldPath parent;
    private final Object segment;

    private FieldPath(FieldPath parent, Object segment) {
        this.parent = parent;
        this.segment = segment;
    }

    FieldPath child(Object childSegment) {
        return new FieldPath(this, childSegment);
    }

    /** The JSON pointer of this field ("" for the object itself). */
    String pointer() {
        return parent == null ? "" : JsonPointer.child(parent.pointer(), segment);
    }
}
