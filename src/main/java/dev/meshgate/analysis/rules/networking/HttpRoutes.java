package dev.meshgate.analysis.rules.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.function.BiConsumer;

/** Walks the routes of a VirtualService as trees: HTTP routes, and all routes of every protocol. */
final class HttpRoutes {

    private HttpRoutes() {}

    static void each(Resource vs, BiConsumer<JsonNode, String> action) {
        Elements.each(vs.at("/spec/http"), "/spec/http", action);
    }

    /** HTTP, TCP and TLS routes alike (they share route/weight and match/port). */
    static void eachOfAnyProtocol(Resource vs, BiConsumer<JsonNode, String> action) {
        for (String protocol : new String[] {"http", "tcp", "tls"}) {
            Elements.each(vs.at("/spec/" + protocol), "/spec/" + protocol, action);
        }
    }

    /** Every match condition of every HTTP route. */
    static void eachHttpMatch(Resource vs, BiConsumer<JsonNode, String> action) {
        each(vs, (route, pointer) -> Elements.each(route.path("match"), pointer + "/match", action));
    }
}
