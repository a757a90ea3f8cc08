package dev.meshgate.analysis.rules.virtualservice;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.ObjectKey;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.ModelReading;
import dev.meshgate.manifest.Resource;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A VirtualService bound to a gateway routes HTTP to a host without a subset while some VirtualService for that host
 * routes it by subset (IST0140): the gateway does not apply the other VirtualService, so ingress requests skip its
 * subsets.
 */
public final class IngressSubsetRoutingRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "virtualservice-ingress-subsets",
                "Ingress routes honour the subset routing of their hosts",
                Set.of(Message.IST0140),
                Set.of(Kinds.VIRTUAL_SERVICE));
    }

    @Override
    public void check(Context context) {
        String domain = context.settings().clusterDomain();
        // Made when an ingress route first needs it: reading every VirtualService's routes costs more than the
        // check itself, and most inputs bind few or none of their VirtualServices to a gateway.
        SubsetRouted subsetRouted = new SubsetRouted(context, domain);
        context.onEach(Kinds.VIRTUAL_SERVICE, vs -> {
            if (!boundToGateway(vs)) {
                return;
            }
            VirtualServiceDestinations.forEach(vs, located -> {
                if (!located.protocol().equals("http")
                        || located.use() != VirtualServiceDestinations.Use.ROUTE
                        || located.host() == null
                        || !isEmpty(located.subset())) {
                    return;
                }
                String fqdn = HostNames.fqdn(located.host(), vs.namespace(), domain);
                for (String other : subsetRouted.of(fqdn)) {
                    context.report(
                            Message.IST0140, vs, located.pointer() + "/host", other, vs.namespace() + "/" + vs.name());
                }
            });
        });
    }

    /** The VirtualServices of a host that route it by subset, found for every host on the first question. */
    private static final class SubsetRouted {
        private final Context context;
        private final String domain;
        private Map<String, Set<String>> byHost;

        SubsetRouted(Context context, String domain) {
            this.context = context;
            this.domain = domain;
        }

        Set<String> of(String fqdn) {
            if (byHost == null) {
                byHost = subsetRouted(context, domain);
            }
            return byHost.getOrDefault(fqdn, Set.of());
        }
    }

    /** For each host, the VirtualServices of that host that route it by subset. */
    private static Map<String, Set<String>> subsetRouted(Context context, String domain) {
        Map<String, Set<String>> routed = new HashMap<>();
        for (Resource vs : ObjectKey.distinct(context.index().ofKind(Kinds.VIRTUAL_SERVICE))) {
            Set<String> hosts = new LinkedHashSet<>();
            for (String host : ModelReading.texts(vs.at("/spec/hosts"))) {
                hosts.add(HostNames.fqdn(host, vs.namespace(), domain));
            }
            VirtualServiceDestinations.forEach(vs, located -> {
                if (!located.protocol().equals("http")
                        || located.use() != VirtualServiceDestinations.Use.ROUTE
                        || located.host() == null
                        || isEmpty(located.subset())) {
                    return;
                }
                String fqdn = HostNames.fqdn(located.host(), vs.namespace(), domain);
                if (hosts.contains(fqdn)) {
                    routed.computeIfAbsent(fqdn, k -> new LinkedHashSet<>()).add(vs.namespace() + "/" + vs.name());
                }
            });
        }
        return routed;
    }

    /** Whether the VirtualService is bound to a gateway besides the mesh (its routes run on an ingress). */
    private static boolean boundToGateway(Resource vs) {
        return ModelReading.texts(vs.at("/spec/gateways")).stream().anyMatch(gateway -> !"mesh".equals(gateway));
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}
