package dev.meshgate.analysis.rules.values;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.manifest.Resource;
import java.util.Set;
import java.util.TreeSet;

/**
 * The namespaces that see a resource with exportTo: every one ({@link #EVERYWHERE}, the default), or those it names
 * ("." its own, "~" none). Resources seen by no common namespace never meet, so rules comparing them group by scope.
 */
public final class ExportScopes {

    /** The scope of a resource exported to every namespace. */
    public static final String EVERYWHERE = "*";

    private ExportScopes() {}

    /** The scopes of the resource's spec.exportTo. */
    public static Set<String> of(Resource resource) {
        JsonNode exportTo = resource.at("/spec/exportTo");
        if (!exportTo.isArray() || exportTo.isEmpty()) {
            return Set.of(EVERYWHERE);
        }
        Set<String> scopes = new TreeSet<>();
        for (JsonNode entry : exportTo) {
            String value = entry.asText("");
            if (value.equals(EVERYWHERE)) {
                return Set.of(EVERYWHERE);
            }
            if (!value.equals("~")) {
                scopes.add(value.equals(".") ? resource.namespace() : value);
            }
        }
        return scopes;
    }
}
