package dev.meshgate.analysis.rules.virtualservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes of a VirtualService that no request can reach, as Istio's validation warns: a route after one without
 * matches, or all of whose matches an earlier route already has (IST0130); a match that repeats an earlier route's,
 * or whose URI prefix an earlier route's prefix match covers with no condition it lacks (IST0131). Routes are
 * tried in order, so the later ones never match.
 */
public final class UnreachableRouteRule implements Rule {

    /** An HTTP match with a URI prefix, and the label of its route and match, for the overlap check. */
    private record PrefixMatch(String route, String match, String pointer, String prefix, JsonNode conditions) {}

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "virtualservice-unreachable-routes",
                "Every route and match of a VirtualService can be reached",
                Set.of(Message.IST0130, Message.IST0131),
                Set.of(Kinds.VIRTUAL_SERVICE));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.VIRTUAL_SERVICE, vs -> {
            for (String kind : List.of("http", "tcp", "tls")) {
                analyse(context, vs, kind);
            }
        });
    }

    private static void analyse(Context context, Resource vs, String kind) {
        JsonNode routes = vs.at("/spec/" + kind);
        if (!routes.isArray()) {
            return;
        }
        Map<JsonNode, Integer> seen = new HashMap<>();
        List<PrefixMatch> prefixes = new ArrayList<>();
        int catchAll = -1;
        for (int r = 0; r < routes.size(); r++) {
            JsonNode route = routes.get(r);
            String routePointer = "/spec/" + kind + "/" + r;
            String label = label(route, r);
            JsonNode matches = route.path("match");
            if (!matches.isArray() || matches.isEmpty()) {
                if (catchAll >= 0) {
                    context.report(Message.IST0130, vs, routePointer, label, "only the last rule can have no matches");
                }
                catchAll = r;
                continue;
            }
            if (catchAll >= 0) {
                context.report(Message.IST0130, vs, routePointer, label, "route without matches defined before");
                continue;
            }
            int repeated = 0;
            for (int m = 0; m < matches.size(); m++) {
                JsonNode match = matches.get(m);
                String matchPointer = routePointer + "/match/" + m;
                JsonNode key = withoutName(match);
                Integer earlier = seen.get(key);
                if (earlier != null) {
                    context.report(
                            Message.IST0131,
                            vs,
                            matchPointer,
                            label,
                            label(match, m),
                            label(routes.get(earlier), earlier));
                    repeated++;
                    continue;
                }
                seen.put(key, r);
                String prefix = match.path("uri").path("prefix").asText("");
                if (kind.equals("http") && !prefix.isEmpty() && key.isObject()) {
                    ObjectNode conditions = (ObjectNode) key.deepCopy();
                    conditions.remove("uri");
                    prefixes.add(new PrefixMatch(label, label(match, m), matchPointer, prefix, conditions));
                }
            }
            if (repeated == matches.size()) {
                context.report(Message.IST0130, vs, routePointer, label, "all matches used by prior rules");
            }
        }
        reportCoveredPrefixes(context, vs, prefixes);
    }

    /**
     * A prefix match whose prefix an earlier prefix match's covers, with the earlier one's other conditions among its
     * own: the earlier one takes its requests. (Istio compares more loosely, value prefix by value prefix; equal conditions are the
     * certain case.)
     */
    private static void reportCoveredPrefixes(Context context, Resource vs, List<PrefixMatch> prefixes) {
        for (int a = 0; a < prefixes.size(); a++) {
            PrefixMatch earlier = prefixes.get(a);
            for (int b = a + 1; b < prefixes.size(); b++) {
                PrefixMatch later = prefixes.get(b);
                if (!later.prefix().equals(earlier.prefix())
                        && later.prefix().startsWith(earlier.prefix())
                        && asksNoMore(earlier.conditions(), later.conditions())) {
                    context.report(
                            Message.IST0131,
                            vs,
                            later.pointer(),
                            later.route(),
                            later.match() + " of prefix " + later.prefix(),
                            earlier.match() + " of prefix " + earlier.prefix() + " on " + earlier.route());
                }
            }
        }
    }

    /**
     * Whether every condition of the earlier match is also one of the later match: the earlier then takes all the
     * later one's requests (a match without a method condition covers one for GET).
     */
    private static boolean asksNoMore(JsonNode earlier, JsonNode later) {
        var fields = earlier.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getValue().equals(later.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** How Istio names a route or match: its name in quotes, else "#index". */
    private static String label(JsonNode node, int index) {
        String name = node.path("name").asText("");
        return name.isEmpty() ? "#" + index : "\"" + name + "\"";
    }

    private static JsonNode withoutName(JsonNode match) {
        if (!match.isObject() || !match.has("name")) {
            return match;
        }
        ObjectNode copy = (ObjectNode) match.deepCopy();
        copy.remove("name");
        return copy;
    }
}
