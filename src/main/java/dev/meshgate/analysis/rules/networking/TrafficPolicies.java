package dev.meshgate.analysis.rules.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.function.BiConsumer;

/** Walks every traffic policy of a DestinationRule: the top one, its port-level settings, and each subset's. */
public final class TrafficPolicies {

    private TrafficPolicies() {}

    public static void each(Resource dr, BiConsumer<JsonNode, String> action) {
        visit(dr.at("/spec/trafficPolicy"), "/spec/trafficPolicy", action);
        Elements.each(
                dr.at("/spec/subsets"),
                "/spec/subsets",
                (subset, pointer) -> visit(subset.path("trafficPolicy"), pointer + "/trafficPolicy", action));
    }

    private static void visit(JsonNode policy, String pointer, BiConsumer<JsonNode, String> action) {
        if (!policy.isObject()) {
            return;
        }
        action.accept(policy, pointer);
        Elements.each(policy.path("portLevelSettings"), pointer + "/portLevelSettings", action);
    }
}
