package dev.meshgate.analysis.rules.virtualservice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.rules.values.ModelReading;
import dev.meshgate.manifest.Resource;
import java.util.List;

/**
 * Walks every destination of a VirtualService (HTTP, TCP and TLS routes, mirrors) through one loop, reading the
 * resource's tree as the typed model would ({@link ModelReading}): converting the whole spec for three fields cost an
 * eighth of the analysis of a large mesh (measured).
 */
public final class VirtualServiceDestinations {

    /** Where a destination is used: a weighted route or a mirror. */
    public enum Use {
        ROUTE,
        MIRROR
    }

    /**
     * One destination and where it is written: {@code spec.<protocol>[route].<field>[index].destination}, or
     * {@code spec.http[route].mirror} when index is negative. The pointer is only built when a rule asks for it.
     */
    public record Located(JsonNode destination, String protocol, int route, String field, int index, Use use) {

        /** The JSON pointer of the destination object (or of the mirror object). */
        public String pointer() {
            String base = "/spec/" + protocol + "/" + route + "/" + field;
            return index < 0 ? base : base + "/" + index + "/destination";
        }

        /** The destination host as written; null when absent or not a scalar. */
        public String host() {
            return ModelReading.text(destination.get("host"));
        }

        /** The subset as written; null when absent or not a scalar. */
        public String subset() {
            return ModelReading.text(destination.get("subset"));
        }

        /** Whether a port selector is written, whatever it holds. */
        public boolean hasPort() {
            JsonNode port = destination.get("port");
            return port != null && !port.isNull();
        }

        /** The port number the selector names; null when it names none or none that is a number. */
        public Long portNumber() {
            JsonNode number = destination.path("port").get("number");
            if (number == null || number.isNull()) {
                return null;
            }
            if (number.isNumber()) {
                return number.longValue();
            }
            if (number.isTextual()) {
                try {
                    return Long.parseLong(number.asText().trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }
    }

    /** Receives each destination. */
    @FunctionalInterface
    public interface Visitor {
        void visit(Located destination);
    }

    private VirtualServiceDestinations() {}

    public static void forEach(Resource vs, Visitor visitor) {
        JsonNode spec = vs.body().path("spec");
        List<JsonNode> http = ModelReading.objects(spec.get("http"));
        for (int i = 0; i < http.size(); i++) {
            JsonNode route = http.get(i);
            List<JsonNode> destinations = ModelReading.objects(route.get("route"));
            for (int j = 0; j < destinations.size(); j++) {
                visit(destinations.get(j).get("destination"), "http", i, "route", j, Use.ROUTE, visitor);
            }
            visit(route.get("mirror"), "http", i, "mirror", -1, Use.MIRROR, visitor);
            List<JsonNode> mirrors = ModelReading.objects(route.get("mirrors"));
            for (int j = 0; j < mirrors.size(); j++) {
                visit(mirrors.get(j).get("destination"), "http", i, "mirrors", j, Use.MIRROR, visitor);
            }
        }
        visitRoutes(spec.get("tcp"), "tcp", visitor);
        visitRoutes(spec.get("tls"), "tls", visitor);
    }

    private static void visitRoutes(JsonNode routes, String protocol, Visitor visitor) {
        List<JsonNode> list = ModelReading.objects(routes);
        for (int i = 0; i < list.size(); i++) {
            List<JsonNode> destinations = ModelReading.objects(list.get(i).get("route"));
            for (int j = 0; j < destinations.size(); j++) {
                visit(destinations.get(j).get("destination"), protocol, i, "route", j, Use.ROUTE, visitor);
            }
        }
    }

    private static void visit(
            JsonNode destination, String protocol, int route, String field, int index, Use use, Visitor visitor) {
        if (destination != null && destination.isObject()) {
            visitor.visit(new Located(destination, protocol, route, field, index, use));
        }
    }
}
