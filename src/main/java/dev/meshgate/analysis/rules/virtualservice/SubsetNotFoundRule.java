package dev.meshgate.analysis.rules.virtualservice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.ModelReading;
import dev.meshgate.manifest.Resource;
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
        // Many routes name the subsets of one DestinationRule: its subset names are read once per analysis, not once
        // per route that asks.
        Map<Resource, List<String>> subsetsOf = new IdentityHashMap<>();
        context.onEach(
                Kinds.VIRTUAL_SERVICE,
                vs -> VirtualServiceDestinations.forEach(vs, located -> {
                    String subset = located.subset();
                    String host = located.host();
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
                }));
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

    /** The names of the subsets a DestinationRule defines, read as the typed model reads them. */
    private static List<String> subsetNames(Resource dr) {
        List<JsonNode> subsets = ModelReading.objects(dr.at("/spec/subsets"));
        List<String> names = new ArrayList<>(subsets.size());
        for (JsonNode candidate : subsets) {
            String name = ModelReading.text(candidate.get("name"));
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }
}
