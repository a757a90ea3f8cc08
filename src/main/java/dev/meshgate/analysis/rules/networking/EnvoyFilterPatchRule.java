package dev.meshgate.analysis.rules.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EnvoyFilter config patches Istio's webhook rejects: no applyTo, no patch or operation, no value for an operation
 * other than REMOVE, a match on another class of object than applyTo patches (listener, route configuration,
 * cluster), and filter matches without names or with a sub-filter outside an HTTP connection manager; and, by the
 * CRD's rule, waypoint matches outside the WAYPOINT context or that context without one (Istio checks patches for
 * waypoints no further).
 */
public final class EnvoyFilterPatchRule implements Rule {

    private static final Set<String> HTTP_CONNECTION_MANAGERS =
            Set.of("envoy.filters.network.http_connection_manager", "envoy.http_connection_manager");
    private static final List<String> OBJECT_MATCHES = List.of("listener", "routeConfiguration", "cluster");

    /** The match each applyTo takes, by the class of object it patches. */
    private static final Map<String, String> MATCH_OF_APPLY_TO = Map.of(
            "LISTENER", "listener",
            "FILTER_CHAIN", "listener",
            "NETWORK_FILTER", "listener",
            "HTTP_FILTER", "listener",
            "ROUTE_CONFIGURATION", "routeConfiguration",
            "VIRTUAL_HOST", "routeConfiguration",
            "HTTP_ROUTE", "routeConfiguration",
            "CLUSTER", "cluster");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "envoyfilter-patches",
                "EnvoyFilter patches say what they patch, how, and match what they patch",
                Set.of(Message.MG1105, Message.MG1110, Message.MG1111),
                Set.of(Kinds.ENVOY_FILTER));
    }

    @Override
    public void check(Context context) {
        context.onEach(
                Kinds.ENVOY_FILTER,
                filter -> Elements.each(filter.at("/spec/configPatches"), "/spec/configPatches", (patch, pointer) -> {
                    if (patch.isNull()) {
                        context.report(Message.MG1110, filter, pointer, "config patch (null)");
                        return;
                    }
                    checkWaypoint(context, filter, patch.path("match"), pointer + "/match");
                    if (!patch.path("match").path("context").asText("").equals("WAYPOINT")) {
                        checkPatch(context, filter, patch, pointer);
                    }
                }));
    }

    /** The CRD's rule: a waypoint match goes with context WAYPOINT, and that context takes only a waypoint match. */
    private static void checkWaypoint(Context context, Resource filter, JsonNode match, String pointer) {
        if (!match.isObject()) {
            return;
        }
        boolean waypointContext = match.path("context").asText("").equals("WAYPOINT");
        boolean waypointMatch = match.has("waypoint");
        if (waypointContext != waypointMatch) {
            context.report(
                    Message.MG1111,
                    filter,
                    pointer + (waypointMatch ? "/waypoint" : "/context"),
                    "match",
                    waypointMatch
                            ? "a waypoint match needs context WAYPOINT"
                            : "context WAYPOINT takes a waypoint match (not listener, routeConfiguration or cluster)");
        }
        JsonNode port = match.path("waypoint").path("portNumber");
        if (port.isNumber() && (port.asLong() < 1 || port.asLong() > 65535)) {
            context.report(
                    Message.MG1105,
                    filter,
                    pointer + "/waypoint/portNumber",
                    port.asText(),
                    "must be between 1 and 65535");
        }
    }

    private static void checkPatch(Context context, Resource filter, JsonNode patch, String pointer) {
        String applyTo = patch.path("applyTo").asText("INVALID");
        if (applyTo.equals("INVALID")) {
            context.report(Message.MG1110, filter, pointer, "applyTo");
        }
        JsonNode body = patch.path("patch");
        if (!body.isObject()) {
            context.report(Message.MG1110, filter, pointer, "patch");
            return;
        }
        String operation = body.path("operation").asText("INVALID");
        if (operation.equals("INVALID")) {
            context.report(Message.MG1110, filter, pointer + "/patch", "patch operation");
        } else if (!operation.equals("REMOVE") && body.path("value").isMissingNode()) {
            context.report(Message.MG1110, filter, pointer + "/patch", "patch value (every operation but REMOVE)");
        }
        JsonNode match = patch.path("match");
        String expected = MATCH_OF_APPLY_TO.get(applyTo);
        if (expected == null) {
            return;
        }
        for (String object : OBJECT_MATCHES) {
            if (!object.equals(expected) && match.has(object)) {
                context.report(
                        Message.MG1111,
                        filter,
                        pointer + "/match/" + object,
                        "match",
                        "applyTo " + applyTo + " patches " + expected + " objects and needs a " + expected
                                + " match, not " + object);
            }
        }
        JsonNode filterMatch = match.path("listener").path("filterChain").path("filter");
        if (expected.equals("listener") && filterMatch.isObject()) {
            checkFilterMatch(context, filter, applyTo, filterMatch, pointer + "/match/listener/filterChain/filter");
        }
    }

    private static void checkFilterMatch(
            Context context, Resource filter, String applyTo, JsonNode match, String pointer) {
        String name = match.path("name").asText("");
        JsonNode subFilter = match.path("subFilter");
        if (name.isEmpty()) {
            context.report(Message.MG1110, filter, pointer, "name of the filter to match");
        } else if (subFilter.isObject()) {
            if (!applyTo.equals("HTTP_FILTER")) {
                context.report(
                        Message.MG1111,
                        filter,
                        pointer + "/subFilter",
                        "subFilter",
                        "a sub-filter match goes only with applyTo HTTP_FILTER");
            }
            if (!HTTP_CONNECTION_MANAGERS.contains(name)) {
                context.report(
                        Message.MG1111,
                        filter,
                        pointer + "/subFilter",
                        "subFilter",
                        "a sub-filter match needs the filter match envoy.filters.network.http_connection_manager");
            }
            if (subFilter.path("name").asText("").isEmpty()) {
                context.report(Message.MG1110, filter, pointer + "/subFilter", "name of the sub-filter to match");
            }
        }
    }
}
