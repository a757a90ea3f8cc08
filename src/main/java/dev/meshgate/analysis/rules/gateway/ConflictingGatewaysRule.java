package dev.meshgate.analysis.rules.gateway;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.ObjectKey;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Two Gateways with the same selector bind the same port with overlapping hosts: Envoy keeps one listener and the
 * other configuration is ignored (IST0145). Servers are grouped by selector and port first, so only servers that can
 * conflict are compared.
 */
public final class ConflictingGatewaysRule implements Rule {

    private record Server(Resource gateway, String host, String pointer) {}

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "gateway-conflicting",
                "Gateways on the same workload do not bind the same port and host",
                Set.of(Message.IST0145),
                Set.of(Kinds.GATEWAY));
    }

    @Override
    public void check(Context context) {
        Map<String, List<Server>> bySelectorAndPort = new HashMap<>();
        // A Gateway written twice is one Gateway (the copy is MG0006): only distinct Gateways conflict.
        for (Resource gateway : ObjectKey.distinct(context.index().ofKind(Kinds.GATEWAY))) {
            String selector = new TreeMap<>(Resource.stringMap(gateway.at("/spec/selector"))).toString();
            Elements.each(gateway.at("/spec/servers"), "/spec/servers", (server, serverPointer) -> {
                String port = server.path("port").path("number").asText("");
                Elements.each(server.path("hosts"), serverPointer + "/hosts", (hostNode, pointer) -> {
                    String host = hostNode.asText("");
                    bySelectorAndPort
                            .computeIfAbsent(selector + " " + port, k -> new ArrayList<>())
                            .add(new Server(gateway, host.substring(host.indexOf('/') + 1), pointer));
                });
            });
        }
        for (Map.Entry<String, List<Server>> group : bySelectorAndPort.entrySet()) {
            reportConflicts(context, group.getKey(), group.getValue());
        }
    }

    private static void reportConflicts(Context context, String key, List<Server> servers) {
        String selector = key.substring(0, key.lastIndexOf(' '));
        String port = key.substring(key.lastIndexOf(' ') + 1);
        // Exact hosts only meet their equals; wildcards (rare) are compared with everything.
        Map<String, List<Server>> exact = new HashMap<>();
        List<Server> wildcards = new ArrayList<>();
        for (Server server : servers) {
            if (HostNames.isWildcard(server.host())) {
                wildcards.add(server);
            } else {
                exact.computeIfAbsent(server.host(), h -> new ArrayList<>()).add(server);
            }
        }
        for (Server server : servers) {
            List<Server> candidates = new ArrayList<>(wildcards);
            candidates.addAll(HostNames.isWildcard(server.host()) ? servers : exact.get(server.host()));
            Set<String> others = new java.util.TreeSet<>();
            for (Server other : candidates) {
                if (!ObjectKey.same(other.gateway(), server.gateway())
                        && HostNames.overlap(server.host(), other.host())) {
                    others.add(
                            other.gateway().namespace() + "/" + other.gateway().name());
                }
            }
            if (!others.isEmpty()) {
                context.report(
                        Message.IST0145,
                        server.gateway(),
                        server.pointer(),
                        String.join(", ", others),
                        selector,
                        port,
                        server.host());
            }
        }
    }
}
