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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two Gateways on the same gateway workload bind the same port with overlapping hosts: Envoy keeps one listener and
 * the other configuration is ignored (IST0145). They share the workload when their selectors are equal, or when one
 * selector is a subset of the other and a workload of the input carries both. Servers are grouped by port first, so
 * only servers that can conflict are compared.
 */
public final class ConflictingGatewaysRule implements Rule {

    private record Server(Resource gateway, Map<String, String> selector, String host, String pointer) {}

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "gateway-conflicting",
                "Gateways on the same workload do not bind the same port and host",
                Set.of(Message.IST0145),
                Kinds.withWorkloads(Kinds.GATEWAY));
    }

    @Override
    public void check(Context context) {
        Map<String, List<Server>> byPort = new HashMap<>();
        // A Gateway written twice is one Gateway (the copy is MG0006): only distinct Gateways conflict.
        for (Resource gateway : ObjectKey.distinct(context.index().ofKind(Kinds.GATEWAY))) {
            Map<String, String> selector = new TreeMap<>(Resource.stringMap(gateway.at("/spec/selector")));
            Elements.each(gateway.at("/spec/servers"), "/spec/servers", (server, serverPointer) -> {
                String port = server.path("port").path("number").asText("");
                Elements.each(server.path("hosts"), serverPointer + "/hosts", (hostNode, pointer) -> {
                    String host = hostNode.asText("");
                    byPort.computeIfAbsent(port, k -> new ArrayList<>())
                            .add(new Server(gateway, selector, host.substring(host.indexOf('/') + 1), pointer));
                });
            });
        }
        SharedWorkloads shared = new SharedWorkloads(context);
        byPort.forEach((port, servers) -> reportConflicts(context, shared, port, servers));
    }

    private static void reportConflicts(Context context, SharedWorkloads shared, String port, List<Server> servers) {
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
            Set<String> others = new TreeSet<>();
            Set<Resource> gateways = new LinkedHashSet<>();
            for (Server other : candidates) {
                if (!ObjectKey.same(other.gateway(), server.gateway())
                        && HostNames.overlap(server.host(), other.host())
                        && shared.between(server.selector(), other.selector())) {
                    others.add(
                            other.gateway().namespace() + "/" + other.gateway().name());
                    gateways.add(other.gateway());
                }
            }
            if (!others.isEmpty()) {
                context.reportConflict(
                        Message.IST0145,
                        server.gateway(),
                        server.pointer(),
                        gateways,
                        String.join(", ", others),
                        server.selector().toString(),
                        port,
                        server.host());
            }
        }
    }

    /** Whether two Gateway selectors pick the same gateway workload, each pair of selectors decided once. */
    private static final class SharedWorkloads {

        private final Context context;
        private final Map<List<Map<String, String>>, Boolean> decided = new HashMap<>();

        SharedWorkloads(Context context) {
            this.context = context;
        }

        boolean between(Map<String, String> a, Map<String, String> b) {
            if (a.equals(b)) {
                return true;
            }
            Map<String, String> narrower = subsetOf(a, b) ? b : subsetOf(b, a) ? a : null;
            if (narrower == null) {
                return false;
            }
            // Every workload the narrower selector picks is picked by the wider one too; the input must hold one.
            return decided.computeIfAbsent(
                    List.of(a, b),
                    k -> !context.index().workloads(null, narrower).isEmpty());
        }

        private static boolean subsetOf(Map<String, String> small, Map<String, String> large) {
            return large.entrySet().containsAll(small.entrySet());
        }
    }
}
