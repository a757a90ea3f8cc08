package dev.meshgate.analysis.rules.gatewayapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * One backend a route sends traffic to: a rule's backendRef or the backend of a request mirror filter, with the
 * defaults the Gateway API gives omitted fields (a Service of the route's own namespace).
 *
 * @param pointer the JSON pointer of the reference
 */
record BackendRef(String group, String kind, String namespace, String name, OptionalInt port, String pointer) {

    /**
     * Every backend of a route (HTTPRoute, GRPCRoute, TCPRoute, TLSRoute share the shape): rules' backendRefs and the
     * mirror filters of rules and of backendRefs.
     */
    static void forEach(Resource route, Consumer<BackendRef> action) {
        Elements.each(route.at("/spec/rules"), "/spec/rules", (rule, rulePointer) -> {
            mirrors(route, rule.path("filters"), rulePointer + "/filters", action);
            Elements.each(rule.path("backendRefs"), rulePointer + "/backendRefs", (ref, pointer) -> {
                action.accept(of(route, ref, pointer));
                mirrors(route, ref.path("filters"), pointer + "/filters", action);
            });
        });
    }

    private static void mirrors(Resource route, JsonNode filters, String pointer, Consumer<BackendRef> action) {
        Elements.each(filters, pointer, (filter, filterPointer) -> {
            JsonNode mirror = filter.path("requestMirror").path("backendRef");
            if (mirror.isObject()) {
                action.accept(of(route, mirror, filterPointer + "/requestMirror/backendRef"));
            }
        });
    }

    private static BackendRef of(Resource route, JsonNode ref, String pointer) {
        return new BackendRef(
                ref.path("group").asText(""),
                ref.path("kind").asText("Service"),
                ParentRef.text(ref.path("namespace"), route.namespace()),
                ref.path("name").asText(""),
                ref.path("port").canConvertToInt()
                        ? OptionalInt.of(ref.path("port").asInt())
                        : OptionalInt.empty(),
                pointer);
    }

    boolean isService() {
        return group.isEmpty() && kind.equals("Service");
    }
}
