package dev.meshgate.analysis.rules.gatewayapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.virtualservice.VirtualServiceGateways;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A VirtualService bound to a Kubernetes Gateway (which Istio lets VirtualServices bind to, by name) whose hosts none
 * of the Gateway's listener hostnames match (IST0132, as istioctl reports it); a listener without a hostname accepts
 * every host. An Istio Gateway of the same name takes precedence, as in istioctl.
 */
public final class VirtualServiceHostNotInKubernetesGatewayRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "gatewayapi-virtualservice-hosts",
                "Every VirtualService bound to a Kubernetes Gateway has a host that one of its listeners serves",
                Set.of(Message.IST0132),
                Set.of(Kinds.VIRTUAL_SERVICE, Kinds.GATEWAY, Kinds.KUBERNETES_GATEWAY));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.VIRTUAL_SERVICE, vs -> {
            for (VirtualServiceGateways.Reference reference : VirtualServiceGateways.bound(vs)) {
                if (reference.isMesh()
                        || context.index()
                                .find(Kinds.GATEWAY, reference.namespace(), reference.name())
                                .isPresent()) {
                    continue;
                }
                context.index()
                        .find(Kinds.KUBERNETES_GATEWAY, reference.namespace(), reference.name())
                        .ifPresent(gateway -> check(context, vs, gateway, reference));
            }
        });
    }

    private static void check(
            Context context, Resource vs, Resource gateway, VirtualServiceGateways.Reference reference) {
        List<Listener> listeners = Listener.of(gateway);
        if (listeners.stream().anyMatch(listener -> listener.hostname().isEmpty())) {
            return;
        }
        List<String> hosts = new ArrayList<>();
        for (JsonNode host : vs.at("/spec/hosts")) {
            String name = host.asText("");
            if (listeners.stream().anyMatch(listener -> HostNames.overlap(listener.hostname(), name))) {
                return;
            }
            hosts.add(name);
        }
        context.report(
                Message.IST0132,
                vs,
                reference.pointer(),
                hosts,
                vs.namespace() + "/" + vs.name(),
                reference.qualifiedName());
    }
}
