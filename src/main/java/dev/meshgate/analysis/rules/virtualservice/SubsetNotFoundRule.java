package dev.meshgate.analysis.rules.virtualservice;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.IstioModel;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A route or mirror names a subset that no DestinationRule for its host defines: the traffic gets 503s. The subsets of
 * a Service in a namespace the input does not manage are its owner's to define: unverified (MG2003), not missing.
 */
public final class SubsetNotFoundRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "virtualservice-subset-not-found",
                "Every subset a VirtualService routes or mirrors to is defined by a DestinationRule for that host",
                Set.of(Message.IST0101, Message.MG2003),
                Set.of(Kinds.VIRTUAL_SERVICE, Kinds.DESTINATION_RULE));
    }

    @Override
    public void check(Context context) {
        String domain = context.settings().clusterDomain();
        // Many routes name the subsets of one DestinationRule: its subset names are read from its typed spec once per
        // analysis, not once per route that asks.
        Map<Resource, List<String>> subsetsOf = new IdentityHashMap<>();
        context.onEach(Kinds.VIRTUAL_SERVICE, vs -> IstioModel.spec(vs, VirtualService.class)
                .ifPresent(spec -> VirtualServiceDestinations.forEach(spec, located -> {
                    String subset = located.destination().getSubset();
                    String host = located.destination().getHost();
                    if (subset == null || subset.isEmpty() || host == null || host.isEmpty()) {
                        return;
                    }
                    String fqdn = HostNames.fqdn(host, vs.namespace(), domain);
                    if (!defined(context, subsetsOf, vs, fqdn, subset)) {
                        // Defined beside the Service it subsets, or (other hosts) beside the route.
                        String namespace = HostNames.serviceNamespace(fqdn, domain);
                        context.unresolved(
                                vs,
                                located.pointer() + "/subset",
                                Reference.in(
                                        namespace != null ? namespace : vs.namespace(),
                                        Reference.Target.SUBSET,
                                        fqdn + "+" + subset),
                                Message.IST0101,
                                "host+subset in destinationrule",
                                fqdn + "+" + subset);
                    }
                })));
    }

    private static boolean defined(
            Context context, Map<Resource, List<String>> subsetsOf, Resource vs, String fqdn, String subset) {
        for (Resource dr : context.index().destinationRules(fqdn, vs.namespace())) {
            if (subsetsOf.computeIfAbsent(dr, SubsetNotFoundRule::subsetNames).contains(subset)) {
                return true;
            }
        }
        return false;
    }

    /** The names of the subsets a DestinationRule defines; none when its spec cannot be read. */
    private static List<String> subsetNames(Resource dr) {
        DestinationRule spec = IstioModel.spec(dr, DestinationRule.class).orElse(null);
        if (spec == null || spec.getSubsets() == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>(spec.getSubsets().size());
        for (Subset candidate : spec.getSubsets()) {
            if (candidate != null && candidate.getName() != null) {
                names.add(candidate.getName());
            }
        }
        return names;
    }
}
