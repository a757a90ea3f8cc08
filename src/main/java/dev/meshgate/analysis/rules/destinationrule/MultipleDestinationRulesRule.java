package dev.meshgate.analysis.rules.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Several DestinationRules for one host in one namespace (with the same workload selector, or none) are merged by
 * Istio: subsets are concatenated, the first subset of a name wins, and the first top-level traffic policy wins. The
 * merge is fine as long as it loses nothing; a subset name defined again with other content, or a second top-level
 * traffic policy, is ignored, and that is reported at the later rule (MG2002).
 */
public final class MultipleDestinationRulesRule implements Rule {

    private static final String POLICY = "/spec/trafficPolicy";

    /** What the merge has kept so far: the first definition of each subset name, and the first traffic policy. */
    private static final class Merged {
        private final Map<String, Resource> subsetOwners = new HashMap<>();
        private final Map<String, JsonNode> subsets = new HashMap<>();
        private Resource policyOwner;
    }

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "destinationrule-multiple-for-host",
                "DestinationRules merged for one host lose no subset and no traffic policy",
                Set.of(Message.MG2002),
                Set.of(Kinds.DESTINATION_RULE));
    }

    @Override
    public void check(Context context) {
        String domain = context.settings().clusterDomain();
        Map<String, List<Resource>> byScopeAndHost = new LinkedHashMap<>();
        // A DestinationRule written twice is one DestinationRule (the copy is MG0006): only distinct rules merge.
        for (Resource dr : ObjectKey.distinct(context.index().ofKind(Kinds.DESTINATION_RULE))) {
            String host = dr.at("/spec/host").asText("");
            if (!host.isEmpty()) {
                String selector =
                        new TreeMap<>(Resource.stringMap(dr.at("/spec/workloadSelector/matchLabels"))).toString();
                String key = dr.namespace() + " " + selector + " " + HostNames.fqdn(host, dr.namespace(), domain);
                byScopeAndHost.computeIfAbsent(key, k -> new ArrayList<>()).add(dr);
            }
        }
        for (Map.Entry<String, List<Resource>> group : byScopeAndHost.entrySet()) {
            if (group.getValue().size() > 1) {
                String host = group.getKey().substring(group.getKey().lastIndexOf(' ') + 1);
                merge(context, host, group.getValue());
            }
        }
    }

    /** Merges the rules in input order (Istio's order is their creation order), reporting what is lost. */
    private static void merge(Context context, String host, List<Resource> rules) {
        Merged merged = new Merged();
        for (Resource dr : rules) {
            JsonNode policy = dr.at(POLICY);
            if (policy.isObject()) {
                if (merged.policyOwner == null) {
                    merged.policyOwner = dr;
                } else if (!policy.equals(merged.policyOwner.at(POLICY))) {
                    lost(context, dr, POLICY, merged.policyOwner, host, "the top-level trafficPolicy");
                }
            }
            Elements.each(dr.at("/spec/subsets"), "/spec/subsets", (subset, pointer) -> {
                String name = subset.path("name").asText("");
                if (name.isEmpty()) {
                    return;
                }
                Resource owner = merged.subsetOwners.get(name);
                if (owner == null) {
                    merged.subsetOwners.put(name, dr);
                    merged.subsets.put(name, subset);
                } else if (owner != dr && !subset.equals(merged.subsets.get(name))) {
                    lost(context, dr, pointer + "/name", owner, host, "subset \"" + name + "\"");
                }
            });
        }
    }

    private static void lost(Context context, Resource dr, String pointer, Resource kept, String host, String what) {
        context.report(Message.MG2002, dr, pointer, what, kept.namespace() + "/" + kept.name(), host);
    }
}
