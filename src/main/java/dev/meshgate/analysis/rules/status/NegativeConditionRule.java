package dev.meshgate.analysis.rules.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import dev.meshgate.manifest.ResourceKind;
import java.util.Map;
import java.util.Set;

/**
 * A status condition written on a resource of the input that says something does not work (IST0171): a Gateway or
 * route not accepted, not programmed or with unresolved references, a Service, ServiceEntry or WorkloadEntry its
 * waypoint does not bind, an AuthorizationPolicy ztunnel or the waypoint does not enforce (or only partly). Only a
 * status the input holds is judged: a repository without one says nothing about the cluster.
 */
public final class NegativeConditionRule implements Rule {

    private static final Set<String> WAYPOINT = Set.of("istio.io/WaypointBound");
    private static final Set<String> GATEWAY_API = Set.of("Accepted", "Programmed", "ResolvedRefs");

    /** Per kind, the condition types whose status False is a failure. */
    private static final Map<ResourceKind, Set<String>> NEGATIVE_WHEN_FALSE = Map.of(
            Kinds.SERVICE, WAYPOINT,
            Kinds.SERVICE_ENTRY, WAYPOINT,
            Kinds.WORKLOAD_ENTRY, WAYPOINT,
            Kinds.AUTHORIZATION_POLICY, Set.of("ZtunnelAccepted", "WaypointAccepted"),
            Kinds.KUBERNETES_GATEWAY, GATEWAY_API,
            Kinds.HTTP_ROUTE, GATEWAY_API,
            Kinds.GRPC_ROUTE, GATEWAY_API);

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "status-negative-condition",
                "No status condition of the input reports a failure",
                Set.of(Message.IST0171),
                NEGATIVE_WHEN_FALSE.keySet());
    }

    @Override
    public void check(Context context) {
        NEGATIVE_WHEN_FALSE.forEach((kind, types) -> context.onEach(kind, resource -> {
            if (kind.equals(Kinds.HTTP_ROUTE) || kind.equals(Kinds.GRPC_ROUTE)) {
                Elements.each(
                        resource.at("/status/parents"),
                        "/status/parents",
                        (parent, pointer) -> conditions(context, resource, parent.path("conditions"), pointer, types));
            } else {
                conditions(context, resource, resource.at("/status/conditions"), "/status", types);
            }
        }));
    }

    private static void conditions(
            Context context, Resource resource, JsonNode conditions, String parent, Set<String> types) {
        Elements.each(conditions, parent + "/conditions", (condition, pointer) -> {
            String type = condition.path("type").asText("");
            String status = condition.path("status").asText("");
            String reason = condition.path("reason").asText("");
            boolean negative = types.contains(type) && status.equals("False");
            // A waypoint that enforces only part of a policy says so with status True.
            boolean partial = resource.kind().equals(Kinds.AUTHORIZATION_POLICY)
                    && type.equals("WaypointAccepted")
                    && reason.equals("PartiallyInvalid");
            if (negative || partial) {
                context.report(
                        Message.IST0171,
                        resource,
                        pointer,
                        type,
                        reason,
                        condition.path("message").asText(""));
            }
        });
    }
}
