package dev.meshgate.analysis.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.ObjectKey;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Services that select one meshed Deployment's pods disagree on a port: one port number with different
 * protocols (IST0116), or one target port behind different service ports (IST0137). The sidecar builds one inbound
 * listener per port, so one of them loses. Deployments only, as istioctl; waypoints are left out.
 */
public final class DeploymentServicePortsRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "deployment-service-ports",
                "The Services of a meshed Deployment agree on each port's protocol and target port",
                Set.of(Message.IST0116, Message.IST0137),
                Set.of(Kinds.DEPLOYMENT, Kinds.SERVICE, Kinds.NAMESPACE));
    }

    /** A Service with the pod labels it selects. */
    private record Selecting(Resource service, Map<String, String> selector) {}

    @Override
    public void check(Context context) {
        // Each Service's selector read once, not once per Deployment of its namespace.
        Map<String, List<Selecting>> servicesByNamespace = new HashMap<>();
        for (Resource service : ObjectKey.distinct(context.index().ofKind(Kinds.SERVICE))) {
            Map<String, String> selector = Resource.stringMap(service.at("/spec/selector"));
            if (!selector.isEmpty()) {
                servicesByNamespace
                        .computeIfAbsent(service.namespace(), ns -> new ArrayList<>())
                        .add(new Selecting(service, selector));
            }
        }
        context.onEach(Kinds.DEPLOYMENT, deployment -> {
            if ("istio-waypoint".equals(deployment.labels().get("gateway.istio.io/managed"))
                    || !SidecarInjection.inMesh(deployment, "/spec/template", context.index())) {
                return;
            }
            Map<String, String> podLabels = Resource.stringMap(deployment.at("/spec/template/metadata/labels"));
            // port -> protocol -> services; target port -> service port -> service
            Map<Long, Map<String, Set<String>>> protocols = new TreeMap<>();
            Map<String, Map<Long, String>> targets = new TreeMap<>();
            for (Selecting selecting : servicesByNamespace.getOrDefault(deployment.namespace(), List.of())) {
                if (!podLabels.entrySet().containsAll(selecting.selector().entrySet())) {
                    continue;
                }
                Resource service = selecting.service();
                String name = service.namespace() + "/" + service.name();
                for (JsonNode port : service.at("/spec/ports")) {
                    long number = port.path("port").asLong();
                    protocols
                            .computeIfAbsent(number, p -> new TreeMap<>())
                            .computeIfAbsent(port.path("protocol").asText("TCP"), p -> new TreeSet<>())
                            .add(name);
                    String target = port.path("targetPort").asText("");
                    targets.computeIfAbsent(
                                    target.isEmpty() || target.equals("0") ? Long.toString(number) : target,
                                    t -> new TreeMap<>())
                            .put(number, name);
                }
            }
            protocols.forEach((port, byProtocol) -> {
                if (byProtocol.size() > 1) {
                    Set<String> services = new TreeSet<>();
                    byProtocol.values().forEach(services::addAll);
                    context.report(Message.IST0116, deployment, "/metadata/name", deployment.name(), port, services);
                }
            });
            targets.forEach((target, byPort) -> {
                if (byPort.size() > 1) {
                    context.report(
                            Message.IST0137,
                            deployment,
                            "/metadata/name",
                            deployment.name(),
                            new TreeSet<>(byPort.values()),
                            target,
                            byPort.keySet());
                }
            });
        });
    }
}
