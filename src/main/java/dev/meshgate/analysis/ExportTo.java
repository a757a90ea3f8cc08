package dev.meshgate.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Istio's exportTo visibility: "*" everywhere (the default), "." the owner's namespace, "~" nowhere, or namespaces. */
public final class ExportTo {

    private ExportTo() {}

    /**
     * The namespaces a resource exported so is applied in, as istioctl judges its references: its own when it names
     * none, {@code "*"} standing for every namespace, none for {@code "~"}.
     */
    public static List<String> seenFrom(JsonNode exportTo, String owner) {
        if (exportTo == null || !exportTo.isArray() || exportTo.isEmpty()) {
            return List.of(owner);
        }
        List<String> namespaces = new java.util.ArrayList<>();
        for (JsonNode entry : exportTo) {
            String namespace = entry.asText();
            if (!namespace.equals("~")) {
                namespaces.add(namespace.equals(".") ? owner : namespace);
            }
        }
        return namespaces;
    }

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
