package dev.meshgate.analysis.rules.envoyfilter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * EnvoyFilter patch operations as istioctl judges them: ADD or REMOVE on a route configuration or HTTP route is
 * ignored (IST0153, IST0154), REPLACE applies only to HTTP and network filters and virtual hosts (IST0152), and a
 * relative operation (INSERT_BEFORE/AFTER, REPLACE, REMOVE) without a priority depends on the order filters are
 * applied in (IST0151), all the more when another patch of the same filter is scoped to a proxy version (IST0155).
 */
public final class EnvoyFilterOperationRule implements Rule {

    private static final Set<String> ROUTES = Set.of("ROUTE_CONFIGURATION", "HTTP_ROUTE");
    private static final Set<String> REPLACEABLE = Set.of("NETWORK_FILTER", "HTTP_FILTER", "VIRTUAL_HOST");
    private static final Set<String> RELATIVE = Set.of("INSERT_BEFORE", "INSERT_AFTER", "REPLACE", "REMOVE");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "envoyfilter-operations",
                "EnvoyFilter patch operations apply where they are written, in a defined order",
                Set.of(Message.IST0151, Message.IST0152, Message.IST0153, Message.IST0154, Message.IST0155),
                Set.of(Kinds.ENVOY_FILTER));
    }

    @Override
    public void check(Context context) {
        // How many patches of each filter are scoped to a proxy version, across the input.
        Map<String, Integer> versioned = new HashMap<>();
        context.forEach(Kinds.ENVOY_FILTER, filter -> {
            for (JsonNode patch : filter.at("/spec/configPatches")) {
                if (!patch.path("match")
                        .path("proxy")
                        .path("proxyVersion")
                        .asText("")
                        .isEmpty()) {
                    versioned.merge(filterName(patch), 1, Integer::sum);
                }
            }
        });
        context.onEach(
                Kinds.ENVOY_FILTER,
                filter -> Elements.each(filter.at("/spec/configPatches"), "/spec/configPatches", (patch, pointer) -> {
                    String operation = patch.path("patch").path("operation").asText("");
                    String applyTo = patch.path("applyTo").asText("");
                    String at = pointer + "/patch/operation";
                    if (operation.equals("ADD") && ROUTES.contains(applyTo)) {
                        context.report(Message.IST0153, filter, at);
                    } else if (operation.equals("REMOVE") && ROUTES.contains(applyTo)) {
                        context.report(Message.IST0154, filter, at);
                    } else if (operation.equals("REPLACE") && !REPLACEABLE.contains(applyTo)) {
                        context.report(Message.IST0152, filter, at);
                    } else if (RELATIVE.contains(operation) && unprioritised(filter)) {
                        boolean ownVersion = !patch.path("match")
                                .path("proxy")
                                .path("proxyVersion")
                                .asText("")
                                .isEmpty();
                        int others = versioned.getOrDefault(filterName(patch), 0) - (ownVersion ? 1 : 0);
                        context.report(others > 0 ? Message.IST0155 : Message.IST0151, filter, at);
                    }
                }));
    }

    private static boolean unprioritised(Resource filter) {
        return filter.at("/spec/priority").asLong(0) == 0;
    }

    /** The Envoy filter a patch is about: the name in its value, else the listener filter it matches. */
    private static String filterName(JsonNode patch) {
        String name = patch.path("patch").path("value").path("name").asText("");
        if (!name.isEmpty()) {
            return name;
        }
        return patch.path("match")
                .path("listener")
                .path("filterChain")
                .path("filter")
                .path("name")
                .asText("");
    }
}
