package dev.meshgate.analysis.rules.virtualservice;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Several VirtualServices define the same host on the same gateway: on the mesh gateway sidecars keep one of them
 * (IST0109, an error); on a named gateway Istio merges them in an undefined order (MG2001, a warning). Grouped by
 * gateway and host in one pass, so the cost is linear.
 */
public final class ConflictingVirtualServiceHostsRule implements Rule {

    private record Binding(Resource vs, String pointer) {}

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "virtualservice-conflicting-hosts",
                "A host is defined by one VirtualService per gateway",
                Set.of(Message.IST0109, Message.MG2001),
                Set.of(Kinds.VIRTUAL_SERVICE));
    }

    @Override
    public void check(Context context) {
        String domain = context.settings().clusterDomain();
        Map<String, Map<Resource, Binding>> byGatewayAndHost = new LinkedHashMap<>();
        context.forEach(Kinds.VIRTUAL_SERVICE, vs -> {
            for (VirtualServiceGateways.Reference gateway : VirtualServiceGateways.bound(vs)) {
                Elements.each(vs.at("/spec/hosts"), "/spec/hosts", (host, pointer) -> {
                    String fqdn = HostNames.fqdn(host.asText(""), vs.namespace(), domain);
                    byGatewayAndHost
                            .computeIfAbsent(gateway.qualifiedName() + " " + fqdn, k -> new LinkedHashMap<>())
                            .putIfAbsent(vs, new Binding(vs, pointer));
                });
            }
        });
        for (Map.Entry<String, Map<Resource, Binding>> group : byGatewayAndHost.entrySet()) {
            if (group.getValue().size() < 2) {
                continue;
            }
            String gateway = group.getKey().substring(0, group.getKey().indexOf(' '));
            String host = group.getKey().substring(group.getKey().indexOf(' ') + 1);
            List<Binding> bindings = new ArrayList<>(group.getValue().values());
            String names = bindings.stream()
                    .map(b -> b.vs().namespace() + "/" + b.vs().name())
                    .collect(Collectors.joining(", ", "[", "]"));
            for (Binding binding : bindings) {
                if (VirtualServiceGateways.MESH.equals(gateway)) {
                    context.report(Message.IST0109, binding.vs(), binding.pointer(), names, host);
                } else {
                    context.report(Message.MG2001, binding.vs(), binding.pointer(), names, gateway, host);
                }
            }
        }
    }
}
