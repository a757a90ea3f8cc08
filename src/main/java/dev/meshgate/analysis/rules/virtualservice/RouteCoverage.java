package dev.meshgate.analysis.rules.virtualservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether one route's match conditions take every request of another's. Istio concatenates the routes of the
 * VirtualServices that a gateway merges for one host, in an order between VirtualServices that is not defined; a
 * route whose match covers a match of another VirtualService's route can take all of that route's requests.
 * "Covers" is decided conservatively: only when it is certain (a missing match, prefix containment, equal conditions).
 */
final class RouteCoverage {

    /** One match condition of a route as the gateway sees it, with where it is written. */
    record Match(JsonNode condition, String pointer) {}

    /** A route of one protocol on one gateway: its applicable match conditions (an empty one matches everything). */
    record Route(String protocol, int index, String name, List<Match> matches) {

        /** How the message names it: http route "name", or http route 3 (counting from 1). */
        String label() {
            return protocol + " route " + (name.isEmpty() ? String.valueOf(index + 1) : "\"" + name + "\"");
        }
    }

    private static final JsonNode EVERYTHING = JsonNodeFactory.instance.objectNode();
    private static final Set<String> STRING_MATCHES = Set.of("uri", "scheme", "method", "authority");
    private static final Set<String> MAP_MATCHES = Set.of("headers", "queryParams");
    /** Fields that do not restrict which requests match (gateways are applied before comparing). */
    private static final Set<String> NOT_CONDITIONS = Set.of("name", "statPrefix", "gateways", "ignoreUriCase");

    private RouteCoverage() {}

    /**
     * The routes of a VirtualService that apply on a gateway: a match that names other gateways does not apply there,
     * and a route whose matches all name other gateways is not on it.
     */
    static List<Route> on(Resource vs, String gateway) {
        List<Route> routes = new ArrayList<>();
        for (String protocol : List.of("http", "tls", "tcp")) {
            String listPointer = "/spec/" + protocol;
            JsonNode list = vs.at(listPointer);
            for (int i = 0; list.isArray() && i < list.size(); i++) {
                JsonNode route = list.get(i);
                String pointer = listPointer + "/" + i;
                JsonNode conditions = route.path("match");
                List<Match> matches = new ArrayList<>();
                if (!conditions.isArray() || conditions.isEmpty()) {
                    matches.add(new Match(EVERYTHING, pointer));
                } else {
                    Elements.each(conditions, pointer + "/match", (condition, matchPointer) -> {
                        if (appliesOn(condition, gateway, vs.namespace())) {
                            matches.add(new Match(condition, matchPointer));
                        }
                    });
                }
                if (!matches.isEmpty()) {
                    routes.add(new Route(protocol, i, route.path("name").asText(""), matches));
                }
            }
        }
        return routes;
    }

    /** The first match of {@code covered} that some match of {@code covering} takes entirely, if any. */
    static Match firstCovered(Route covering, Route covered) {
        if (!covering.protocol().equals(covered.protocol())) {
            return null;
        }
        for (Match match : covered.matches()) {
            for (Match candidate : covering.matches()) {
                if (covers(candidate.condition(), match.condition())) {
                    return match;
                }
            }
        }
        return null;
    }

    private static boolean appliesOn(JsonNode condition, String gateway, String namespace) {
        JsonNode gateways = condition.path("gateways");
        if (!gateways.isArray() || gateways.isEmpty()) {
            return true;
        }
        for (JsonNode named : gateways) {
            String name = named.asText("");
            String qualified =
                    name.equals(VirtualServiceGateways.MESH) || name.contains("/") ? name : namespace + "/" + name;
            if (qualified.equals(gateway)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every request that {@code narrow} matches is matched by {@code wide}. */
    static boolean covers(JsonNode wide, JsonNode narrow) {
        for (Map.Entry<String, JsonNode> condition : wide.properties()) {
            String field = condition.getKey();
            if (NOT_CONDITIONS.contains(field)) {
                continue;
            }
            JsonNode other = narrow.path(field);
            boolean covered;
            if (STRING_MATCHES.contains(field)) {
                boolean ignoreCase =
                        field.equals("uri") && wide.path("ignoreUriCase").asBoolean(false);
                boolean narrowIgnoresCase =
                        field.equals("uri") && narrow.path("ignoreUriCase").asBoolean(false);
                covered = (ignoreCase || !narrowIgnoresCase) && stringCovers(condition.getValue(), other, ignoreCase);
            } else if (MAP_MATCHES.contains(field)) {
                covered = mapCovers(condition.getValue(), other);
            } else if (field.equals("sniHosts")) {
                covered = containsAll(condition.getValue(), other);
            } else {
                covered = condition.getValue().equals(other);
            }
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    /** Istio's StringMatch: exact, prefix or regex (regular expressions are only compared for equality). */
    private static boolean stringCovers(JsonNode wide, JsonNode narrow, boolean ignoreCase) {
        if (!narrow.isObject()) {
            return false;
        }
        String prefix = text(wide.path("prefix"), ignoreCase);
        if (prefix != null) {
            String narrowPrefix = text(narrow.path("prefix"), ignoreCase);
            String narrowExact = text(narrow.path("exact"), ignoreCase);
            return (narrowPrefix != null && narrowPrefix.startsWith(prefix))
                    || (narrowExact != null && narrowExact.startsWith(prefix));
        }
        String exact = text(wide.path("exact"), ignoreCase);
        if (exact != null) {
            return exact.equals(text(narrow.path("exact"), ignoreCase));
        }
        return wide.equals(narrow);
    }

    private static boolean mapCovers(JsonNode wide, JsonNode narrow) {
        if (!wide.isObject() || wide.isEmpty()) {
            return true;
        }
        if (!narrow.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> entry : wide.properties()) {
            JsonNode other = narrow.path(entry.getKey());
            if (other.isMissingNode() || !stringCovers(entry.getValue(), other, false)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAll(JsonNode wide, JsonNode narrow) {
        if (!narrow.isArray() || narrow.isEmpty()) {
            return false;
        }
        for (JsonNode host : narrow) {
            boolean found = false;
            for (JsonNode candidate : wide) {
                found |= candidate.equals(host);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode node, boolean lowerCase) {
        if (!node.isTextual()) {
            return null;
        }
        return lowerCase ? node.asText().toLowerCase(Locale.ROOT) : node.asText();
    }
}
