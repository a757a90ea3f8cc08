package dev.meshgate.analysis.rules.destinationrule;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.ObjectKey;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Several DestinationRules in one namespace for the same host (and the same workload selector): Istio applies one, or
 * merges them only partly, so subsets and traffic policies of the others are lost.
 */
public final class MultipleDestinationRulesRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "destinationrule-multiple-for-host",
                "One DestinationRule per host and namespace",
                Set.of(Message.MG2002),
                Set.of(Kinds.DESTINATION_RULE));
    }

    @Override
    public void check(Context context) {
        String domain = context.settings().clusterDomain();
        Map<String, List<Resource>> byScopeAndHost = new LinkedHashMap<>();
        // A DestinationRule written twice is one DestinationRule (the copy is MG0006).
        for (Resource dr : ObjectKey.distinct(context.index().ofKind(Kinds.DESTINATION_RULE))) {
            String host = dr.at("/spec/host").asText("");
            if (!host.isEmpty()) {
                String key =
                        dr.namespace() + " " + dr.at("/spec/workloadSelector").toString() + " "
                                + HostNames.fqdn(host, dr.namespace(), domain);
                byScopeAndHost.computeIfAbsent(key, k -> new ArrayList<>()).add(dr);
            }
        }
        for (Map.Entry<String, List<Resource>> group : byScopeAndHost.entrySet()) {
            List<Resource> rules = group.getValue();
            if (rules.size() > 1) {
                String names = rules.stream()
                        .map(r -> r.namespace() + "/" + r.name())
                        .collect(Collectors.joining(", ", "[", "]"));
                String host = group.getKey().substring(group.getKey().lastIndexOf(' ') + 1);
                rules.forEach(dr -> context.report(Message.MG2002, dr, "/spec/host", names, host));
            }
        }
    }
}
