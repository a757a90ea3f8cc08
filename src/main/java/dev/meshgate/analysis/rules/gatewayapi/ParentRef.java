package dev.meshgate.analysis.rules.gatewayapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * One parentRef of a route, with the defaults the Gateway API gives omitted fields (a Gateway of the route's own
 * namespace).
 *
 * @param pointer the JSON pointer of the parentRef
 */
record ParentRef(
        String group,
        String kind,
        String namespace,
        String name,
        String sectionName,
        OptionalInt port,
        String pointer) {

    /** The parentRefs of a route, in order. */
    static List<ParentRef> of(Resource route) {
        List<ParentRef> refs = new ArrayList<>();
        Elements.each(
                route.at("/spec/parentRefs"),
                "/spec/parentRefs",
                (ref, pointer) -> refs.add(new ParentRef(
                        ref.path("group").asText(Kinds.GATEWAY_API),
                        ref.path("kind").asText("Gateway"),
                        text(ref.path("namespace"), route.namespace()),
                        ref.path("name").asText(""),
                        ref.path("sectionName").asText(""),
                        ref.path("port").canConvertToInt()
                                ? OptionalInt.of(ref.path("port").asInt())
                                : OptionalInt.empty(),
                        pointer)));
        return refs;
    }

    /** A string field, or the default when it is absent or empty. */
    static String text(JsonNode node, String fallback) {
        String value = node.asText("");
        return value.isEmpty() ? fallback : value;
    }

    boolean isGateway() {
        return group.equals(Kinds.GATEWAY_API) && kind.equals("Gateway");
    }

    /** A Service parent: the route configures the mesh's traffic to it (GAMMA). */
    boolean isService() {
        return group.isEmpty() && kind.equals("Service");
    }

    String qualifiedName() {
        return namespace + "/" + name;
    }
}
