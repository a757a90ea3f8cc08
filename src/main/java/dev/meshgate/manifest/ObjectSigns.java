package dev.meshgate.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * Whether YAML is meant as Kubernetes objects at all. Repositories hold much YAML and JSON that is not (package.json,
 * CI configurations, OpenAPI specs, Helm values, dashboards), and the GitOps tools pass over it: only a file that
 * names {@code apiVersion} and {@code kind} is one they try to apply, and then every document of it must be an object.
 */
final class ObjectSigns {

    // A key as YAML or JSON writes it: at a line start or after an indicator, optionally quoted, then a colon.
    private static final Pattern API_VERSION_KEY = key("apiVersion");
    private static final Pattern KIND_KEY = key("kind");

    private ObjectSigns() {}

    /**
     * Whether a parsed document is meant as a Kubernetes object: a mapping with two of apiVersion, kind and metadata
     * at the top (so a Helm Chart.yaml, which has an apiVersion only, is not), or a sequence of such mappings.
     */
    static boolean meantAsObject(JsonNode document) {
        if (document.isArray()) {
            for (JsonNode item : document) {
                if (meantAsObject(item)) {
                    return true;
                }
            }
            return false;
        }
        if (!document.isObject()) {
            return false;
        }
        int signs = (document.has("apiVersion") ? 1 : 0)
                + (document.has("kind") ? 1 : 0)
                + (document.has("metadata") ? 1 : 0);
        return signs >= 2;
    }

    /** For text that does not parse: whether it writes both an apiVersion and a kind key somewhere. */
    static boolean textNamesApiVersionAndKind(CharSequence text) {
        return API_VERSION_KEY.matcher(text).find() && KIND_KEY.matcher(text).find();
    }

    private static Pattern key(String name) {
        return Pattern.compile("(?:^|[\\s{,\\[-])[\"']?" + name + "[\"']?[ \\t]*:", Pattern.MULTILINE);
    }
}
