package dev.meshgate.analysis.rules.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.Workload;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.Set;

/**
 * Sidecar and gateway proxies without CPU and memory requests and limits: the IstioOperator's global proxy resources,
 * its enabled gateway components, and istio-proxy containers of gateway workloads.
 */
public final class ProxyResourcesRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "mesh-proxy-resources",
                "Proxies have resource requests and limits",
                Set.of(Message.MG3004),
                Kinds.union(Kinds.WORKLOADS, Set.of(Kinds.ISTIO_OPERATOR)));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.ISTIO_OPERATOR, operator -> {
            check(context, operator, "/spec/values/global/proxy/resources", "The IstioOperator's sidecar proxies");
            for (String kind : new String[] {"ingressGateways", "egressGateways"}) {
                Elements.each(
                        operator.at("/spec/components/" + kind), "/spec/components/" + kind, (gateway, pointer) -> {
                            if (gateway.path("enabled").asBoolean(false)) {
                                check(
                                        context,
                                        operator,
                                        pointer + "/k8s/resources",
                                        "Gateway " + gateway.path("name").asText(kind));
                            }
                        });
            }
        });
        for (Workload workload : context.index().workloads()) {
            Elements.each(
                    workload.podSpec().path("containers"),
                    workload.podSpecPointer() + "/containers",
                    (container, pointer) -> {
                        if (container.path("name").asText("").equals("istio-proxy")) {
                            check(
                                    context,
                                    workload.source(),
                                    pointer + "/resources",
                                    "The istio-proxy container of "
                                            + workload.source().name());
                        }
                    });
        }
    }

    private static void check(Context context, Resource resource, String pointer, String what) {
        JsonNode resources = resource.at(pointer);
        boolean requests = resources.path("requests").isObject()
                && !resources.path("requests").isEmpty();
        boolean limits =
                resources.path("limits").isObject() && !resources.path("limits").isEmpty();
        if (!requests || !limits) {
            String missing = !requests && !limits ? "requests and limits" : requests ? "limits" : "requests";
            context.report(Message.MG3004, resource, pointer, what, missing);
        }
    }
}
