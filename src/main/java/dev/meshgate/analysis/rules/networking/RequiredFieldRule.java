package dev.meshgate.analysis.rules.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.Set;

/**
 * Fields Istio requires in networking resources: destination hosts, Gateway servers and their hosts, DestinationRule
 * hosts and subset names, ServiceEntry hosts, Sidecar selector labels; and a delegate VirtualService (one without
 * hosts) cannot name gateways.
 */
public final class RequiredFieldRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "networking-required-fields",
                "Required networking fields are set",
                Set.of(Message.MG1110),
                Set.of(
                        Kinds.VIRTUAL_SERVICE,
                        Kinds.GATEWAY,
                        Kinds.DESTINATION_RULE,
                        Kinds.SERVICE_ENTRY,
                        Kinds.SIDECAR));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.VIRTUAL_SERVICE, vs -> {
            if (empty(vs.at("/spec/hosts")) && !empty(vs.at("/spec/gateways"))) {
                report(
                        context,
                        vs,
                        "/spec/hosts",
                        "hosts (a VirtualService without hosts is a delegate, and "
                                + "delegates cannot name gateways)");
            }
            HttpRoutes.eachOfAnyProtocol(
                    vs,
                    (route, pointer) -> Elements.each(
                            route.path("route"), pointer + "/route", (destination, destinationPointer) -> {
                                if (empty(destination.path("destination").path("host"))) {
                                    report(context, vs, destinationPointer + "/destination", "destination host");
                                }
                            }));
        });
        context.onEach(Kinds.GATEWAY, gateway -> {
            if (empty(gateway.at("/spec/servers"))) {
                report(context, gateway, "/spec", "servers");
            }
            Elements.each(gateway.at("/spec/servers"), "/spec/servers", (server, pointer) -> {
                if (empty(server.path("hosts"))) {
                    report(context, gateway, pointer, "server hosts");
                }
                if (!server.path("port").isObject()) {
                    report(context, gateway, pointer, "server port");
                }
            });
        });
        context.onEach(Kinds.DESTINATION_RULE, dr -> {
            if (empty(dr.at("/spec/host"))) {
                report(context, dr, "/spec", "host");
            }
            Elements.each(dr.at("/spec/subsets"), "/spec/subsets", (subset, pointer) -> {
                if (empty(subset.path("name"))) {
                    report(context, dr, pointer, "subset name");
                }
            });
        });
        context.onEach(Kinds.SERVICE_ENTRY, se -> {
            if (empty(se.at("/spec/hosts"))) {
                report(context, se, "/spec", "hosts");
            }
        });
        context.onEach(Kinds.SIDECAR, sidecar -> {
            JsonNode selector = sidecar.at("/spec/workloadSelector");
            if (selector.isObject() && empty(selector.path("labels"))) {
                report(context, sidecar, "/spec/workloadSelector", "workloadSelector labels");
            }
        });
    }

    private static boolean empty(JsonNode node) {
        return node.isMissingNode()
                || node.isNull()
                || (node.isContainerNode() && node.isEmpty())
                || (node.isTextual() && node.asText().isEmpty());
    }

    private static void report(Context context, Resource resource, String pointer, String field) {
        context.report(Message.MG1110, resource, pointer, field);
    }
}
