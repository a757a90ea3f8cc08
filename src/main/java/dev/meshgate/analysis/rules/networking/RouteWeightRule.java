package dev.meshgate.analysis.rules.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import java.util.Set;

/**
 * Route weights: negative weights and routes whose weights are all zero are rejected (MG1101); weights of several
 * destinations that do not add up to 100 are normalized by Istio, rarely what was meant (MG1102); the weight of a
 * single destination below 100 is ignored, as it receives all the traffic (MG1126, Kiali's KIA1104).
 */
public final class RouteWeightRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "virtualservice-route-weights",
                "Route weights are not negative and add up to 100",
                Set.of(Message.MG1101, Message.MG1102, Message.MG1126),
                Set.of(Kinds.VIRTUAL_SERVICE));
    }

    @Override
    public void check(Context context) {
        context.onEach(
                Kinds.VIRTUAL_SERVICE,
                vs -> HttpRoutes.eachOfAnyProtocol(vs, (route, pointer) -> {
                    JsonNode destinations = route.path("route");
                    if (!destinations.isArray()) {
                        return;
                    }
                    long sum = 0;
                    boolean negative = false;
                    for (int i = 0; i < destinations.size(); i++) {
                        JsonNode weight = destinations.get(i).path("weight");
                        if (weight.isIntegralNumber() && weight.asLong() < 0) {
                            negative = true;
                            context.report(
                                    Message.MG1101,
                                    vs,
                                    pointer + "/route/" + i + "/weight",
                                    "weight " + weight.asLong() + " is negative");
                        }
                        sum += weight.isIntegralNumber() ? weight.asLong() : 0;
                    }
                    if (destinations.size() == 1) {
                        JsonNode weight = destinations.get(0).path("weight");
                        if (weight.isIntegralNumber() && weight.asLong() > 0 && weight.asLong() < 100) {
                            context.report(Message.MG1126, vs, pointer + "/route/0/weight", weight.asLong());
                        }
                    }
                    if (destinations.size() < 2 || negative) {
                        return;
                    }
                    if (sum == 0) {
                        context.report(
                                Message.MG1101,
                                vs,
                                pointer + "/route",
                                "all " + destinations.size()
                                        + " destinations have weight 0, so no traffic can be routed");
                    } else if (sum != 100) {
                        context.report(Message.MG1102, vs, pointer + "/route", sum);
                    }
                }));
    }
}
