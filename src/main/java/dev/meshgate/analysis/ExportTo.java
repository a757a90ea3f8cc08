package dev.meshgate.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Istio's exportTo visibility: "*" everywhere (the default), "." the owner's namespace, "~" nowhere, or namespaces. */
final class ExportTo {

    private ExportTo() {}

    static boolean visible(JsonNode exportTo, String owner, String from) {
        if (exportTo == null || !exportTo.isArray() || exportTo.isEmpty()) {
            return true;
        }
        for (JsonNode entry : exportTo) {
            if (allows(entry.asText(), owner, from)) {
                return true;
            }
        }
        return false;
    }

    /** The annotation form used on Services: a comma-separated list. */
    static boolean visible(String annotation, String owner, String from) {
        if (annotation == null || annotation.isBlank()) {
            return true;
        }
        for (String entry : List.of(annotation.split(","))) {
            if (allows(entry.trim(), owner, from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allows(String entry, String owner, String from) {
        return entry.equals("*") || (entry.equals(".") && owner.equals(from)) || entry.equals(from);
    }
}
