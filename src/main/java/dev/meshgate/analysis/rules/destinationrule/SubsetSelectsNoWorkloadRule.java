package dev.meshgate.analysis.rules.destinationrule;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A subset whose labels, together with the selector of the Service behind the host, match no workload: it has no
 * endpoints. Only checked when the input defines that Service; and where the input declares no workload in the
 * Service's namespace (a repository that keeps workloads elsewhere), the subset's selection is unverified (MG2003).
 */
public final class SubsetSelectsNoWorkloadRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "destinationrule-subset-selects-nothing",
                "Every subset selects some workload behind its host",
                Set.of(Message.IST0173, Message.MG2003),
                Kinds.withWorkloads(Kinds.DESTINATION_RULE, Kinds.SERVICE));
    }

    @Override
    public void check(Context context) {
        String domain = context.settings().clusterDomain();
        context.onEach(Kinds.DESTINATION_RULE, dr -> {
            String host = ModelReading.text(dr.at("/spec/host"));
            List<JsonNode> subsets = ModelReading.objects(dr.at("/spec/subsets"));
            if (host == null || subsets.isEmpty()) {
                return;
            }
            String fqdn = HostNames.fqdn(host, dr.namespace(), domain);
            ServiceBehindHost.of(context.index(), fqdn).ifPresent(service -> {
                for (int i = 0; i < subsets.size(); i++) {
                    JsonNode subset = subsets.get(i);
                    if (subset.isMissingNode()) {
                        continue;
                    }
                    Map<String, String> labels = Resource.stringMap(subset.get("labels"));
                    if (service.workloads(context.index(), labels).isEmpty()) {
                        context.unresolved(
                                dr,
                                "/spec/subsets/" + i + "/labels",
                                Reference.in(
                                        service.service().namespace(),
                                        Reference.Target.WORKLOADS,
                                        service.combined(labels)),
                                Message.IST0173,
                                ModelReading.text(subset.get("name")),
                                new TreeMap<>(labels).toString());
                    }
                }
            });
        });
    }
}
