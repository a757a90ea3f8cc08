package dev.meshgate.analysis.rules.gatewayapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.manifest.Resource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The ReferenceGrants of the input by namespace, asked whether one permits a reference into its namespace. */
final class ReferenceGrants {

    private final Map<String, List<Resource>> byNamespace = new HashMap<>();

    ReferenceGrants(List<Resource> grants) {
        for (Resource grant : grants) {
            byNamespace
                    .computeIfAbsent(grant.namespace(), key -> new java.util.ArrayList<>())
                    .add(grant);
        }
    }

    /**
     * Whether the resource may refer to the core-group object in another namespace; when no grant there permits it,
     * reports that (MG2104, or MG2003 where the input does not manage that namespace) at the pointer.
     */
    boolean permitsOrReport(
            Context context, Resource from, String pointer, String toKind, String toNamespace, String toName) {
        String fromKind = from.kind().kind();
        if (toNamespace.equals(from.namespace()) || permits(fromKind, from.namespace(), toKind, toNamespace, toName)) {
            return true;
        }
        context.unresolved(
                from,
                pointer,
                Reference.in(
                        toNamespace,
                        Reference.Target.REFERENCE_GRANT,
                        "to " + toKind + " " + toNamespace + "/" + toName + " from " + fromKind + "s of namespace "
                                + from.namespace()),
                Message.MG2104,
                toNamespace,
                fromKind + " " + from.name(),
                from.namespace(),
                toKind + " " + toName);
        return false;
    }

    /**
     * Whether a grant in the target's namespace lets resources of {@code fromKind} (a Gateway API kind) in
     * {@code fromNamespace} refer to the target, a core-group object of {@code toKind} named {@code toName}.
     */
    boolean permits(String fromKind, String fromNamespace, String toKind, String toNamespace, String toName) {
        for (Resource grant : byNamespace.getOrDefault(toNamespace, List.of())) {
            if (lists(grant.at("/spec/from"), fromKind, fromNamespace)
                    && grants(grant.at("/spec/to"), toKind, toName)) {
                return true;
            }
        }
        return false;
    }

    private static boolean lists(JsonNode from, String kind, String namespace) {
        for (JsonNode entry : from) {
            if (entry.path("group").asText("").equals(Kinds.GATEWAY_API)
                    && entry.path("kind").asText("").equals(kind)
                    && entry.path("namespace").asText("").equals(namespace)) {
                return true;
            }
        }
        return false;
    }

    private static boolean grants(JsonNode to, String kind, String name) {
        for (JsonNode entry : to) {
            String granted = entry.path("name").asText("");
            if (entry.path("group").asText("").isEmpty()
                    && entry.path("kind").asText("").equals(kind)
                    && (granted.isEmpty() || granted.equals(name))) {
                return true;
            }
        }
        return false;
    }
}
