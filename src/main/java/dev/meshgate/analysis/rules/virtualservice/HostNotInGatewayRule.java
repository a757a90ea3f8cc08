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
import java.util.List;
import java.util.Set;

/**
 * A VirtualService bound to a Gateway names hosts that none of the Gateway's servers accept for the VirtualService's
 * namespace ("namespace/host" server hosts included), so requests for them never reach its routes (IST0132).
 */
public final class HostNotInGatewayRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "virtualservice-host-not-in-gateway",
                "Every host of a VirtualService is served by the gateways it binds to",
                Set.of(Message.IST0132),
                Set.of(Kinds.VIRTUAL_SERVICE, Kinds.GATEWAY));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.VIRTUAL_SERVICE, vs -> {
            for (VirtualServiceGateways.Reference reference : VirtualServiceGateways.bound(vs)) {
                if (reference.isMesh()) {
                    continue;
                }
                context.index()
                        .find(Kinds.GATEWAY, reference.namespace(), reference.name())
                        .ifPresent(gateway -> check(context, vs, gateway, reference));
            }
        });
    }

    private static void check(
            Context context, Resource vs, Resource gateway, VirtualServiceGateways.Reference reference) {
        List<String> accepted = acceptedHosts(gateway, vs.namespace());
        List<String> missing = new ArrayList<>();
        Elements.each(vs.at("/spec/hosts"), "/spec/hosts", (host, pointer) -> {
            if (accepted.stream().noneMatch(pattern -> HostNames.overlap(pattern, host.asText("")))) {
                missing.add(host.asText(""));
            }
        });
        if (!missing.isEmpty()) {
            context.report(Message.IST0132, vs, reference.pointer(), missing, vs.name(), reference.qualifiedName());
        }
    }

    /** The server hosts of the Gateway that apply to VirtualServices of the namespace. */
    private static List<String> acceptedHosts(Resource gateway, String namespace) {
        List<String> hosts = new ArrayList<>();
        Elements.each(
                gateway.at("/spec/servers"),
                "/spec/servers",
                (server, pointer) -> Elements.each(server.path("hosts"), pointer + "/hosts", (host, hostPointer) -> {
                    String text = host.asText("");
                    int slash = text.indexOf('/');
                    String scope = slash < 0 ? "*" : text.substring(0, slash);
                    boolean applies = scope.equals("*")
                            || scope.equals(namespace)
                            || (scope.equals(".") && gateway.namespace().equals(namespace));
                    if (applies) {
                        hosts.add(text.substring(slash + 1));
                    }
                }));
        return hosts;
    }
}
