package dev.meshgate.analysis.rules.virtualservice;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.ObjectKey;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.analysis.rules.values.ExportScopes;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Several VirtualServices define the same host on the same gateway: on the mesh gateway sidecars keep one of them
 * (IST0109, an error); on a named gateway Istio merges their routes in an undefined order, which is only a problem
 * where a route of one can take the requests of a route of another (MG2001, a warning). Grouped by gateway and host
 * in one pass, so the cost is linear in the input (and quadratic only in the routes of one host).
 */
public final class ConflictingVirtualServiceHostsRule implements Rule {

    private record Binding(Resource vs, String pointer) {}

    private record Key(String gateway, String host, String scope) {}

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
        Map<Key, Map<Resource, Binding>> byGatewayAndHost = new LinkedHashMap<>();
        // A VirtualService written twice is one VirtualService (the copy is MG0006), never in conflict with itself.
        for (Resource vs : ObjectKey.distinct(context.index().ofKind(Kinds.VIRTUAL_SERVICE))) {
            for (String scope : ExportScopes.of(vs)) {
                for (VirtualServiceGateways.Reference gateway : VirtualServiceGateways.bound(vs)) {
                    Elements.each(vs.at("/spec/hosts"), "/spec/hosts", (host, pointer) -> {
                        Key key = new Key(
                                gateway.qualifiedName(),
                                HostNames.fqdn(host.asText(""), vs.namespace(), domain),
                                scope);
                        byGatewayAndHost
                                .computeIfAbsent(key, k -> new LinkedHashMap<>())
                                .putIfAbsent(vs, new Binding(vs, pointer));
                    });
                }
            }
        }
        Set<List<Object>> reported = new HashSet<>();
        byGatewayAndHost.forEach((key, group) -> {
            Map<Resource, Binding> seen = new LinkedHashMap<>(group);
            if (!key.scope().equals(ExportScopes.EVERYWHERE)) {
                // A namespace sees the VirtualServices exported to it and those exported everywhere.
                byGatewayAndHost
                        .getOrDefault(new Key(key.gateway(), key.host(), ExportScopes.EVERYWHERE), Map.of())
                        .forEach(seen::putIfAbsent);
            }
            if (seen.size() > 1) {
                report(context, key, new ArrayList<>(seen.values()), reported);
            }
        });
    }

    /** Reports each VirtualService once per gateway and host, however many namespaces see the conflict. */
    private static void report(Context context, Key key, List<Binding> bindings, Set<List<Object>> reported) {
        if (!VirtualServiceGateways.MESH.equals(key.gateway())) {
            reportShadowedRoutes(context, key, bindings, reported);
            return;
        }
        String names = bindings.stream()
                .map(b -> b.vs().namespace() + "/" + b.vs().name())
                .collect(Collectors.joining(", ", "[", "]"));
        for (Binding binding : bindings) {
            if (reported.add(List.of(key.gateway(), key.host(), binding.vs()))) {
                List<Resource> others = bindings.stream()
                        .map(Binding::vs)
                        .filter(vs -> vs != binding.vs())
                        .toList();
                context.reportConflict(Message.IST0109, binding.vs(), binding.pointer(), others, names, key.host());
            }
        }
    }

    /**
     * A named gateway merges the VirtualServices of a host, concatenating their routes in an undefined order: that is
     * fine while their matches are disjoint (one VirtualService per application, each with its own path prefix). A
     * route is at risk when a route of another of them matches all its requests (a catch-all, a shorter prefix, the
     * same match): reported once per VirtualService, at its first such route.
     */
    private static void reportShadowedRoutes(
            Context context, Key key, List<Binding> bindings, Set<List<Object>> reported) {
        Map<Resource, List<RouteCoverage.Route>> routes = new LinkedHashMap<>();
        for (Binding binding : bindings) {
            routes.put(binding.vs(), RouteCoverage.on(binding.vs(), key.gateway()));
        }
        for (Binding binding : bindings) {
            if (reported.contains(List.of(key.gateway(), key.host(), binding.vs()))) {
                continue;
            }
            for (RouteCoverage.Route route : routes.get(binding.vs())) {
                RouteCoverage.Match covered = null;
                Set<String> covering = new TreeSet<>();
                for (Map.Entry<Resource, List<RouteCoverage.Route>> other : routes.entrySet()) {
                    if (other.getKey() == binding.vs()) {
                        continue;
                    }
                    for (RouteCoverage.Route candidate : other.getValue()) {
                        RouteCoverage.Match match = RouteCoverage.firstCovered(candidate, route);
                        if (match != null) {
                            covered = covered == null ? match : covered;
                            covering.add(other.getKey().namespace() + "/"
                                    + other.getKey().name());
                        }
                    }
                }
                if (covered != null) {
                    reported.add(List.of(key.gateway(), key.host(), binding.vs()));
                    context.report(
                            Message.MG2001,
                            binding.vs(),
                            covered.pointer(),
                            route.label(),
                            String.join(", ", covering),
                            key.gateway(),
                            key.host());
                    break;
                }
            }
        }
    }
}
