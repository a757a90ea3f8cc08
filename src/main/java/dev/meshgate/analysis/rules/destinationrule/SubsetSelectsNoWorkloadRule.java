package dev.meshgate.analysis.rules.destinationrule;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.HostNames;
import dev.meshgate.analysis.IstioModel;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
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
        context.onEach(Kinds.DESTINATION_RULE, dr -> IstioModel.spec(dr, DestinationRule.class)
                .ifPresent(spec -> {
                    if (spec.getHost() == null || spec.getSubsets() == null) {
                        return;
                    }
                    String fqdn = HostNames.fqdn(spec.getHost(), dr.namespace(), domain);
                    ServiceBehindHost.of(context.index(), fqdn).ifPresent(service -> {
                        List<Subset> subsets = spec.getSubsets();
                        for (int i = 0; i < subsets.size(); i++) {
                            if (subsets.get(i) == null) {
                                continue;
                            }
                            Map<String, String> labels = subsets.get(i).getLabels() == null
                                    ? Map.of()
                                    : subsets.get(i).getLabels();
                            if (service.workloads(context.index(), labels).isEmpty()) {
                                context.unresolved(
                                        dr,
                                        "/spec/subsets/" + i + "/labels",
                                        Reference.in(
                                                service.service().namespace(),
                                                Reference.Target.WORKLOADS,
                                                service.combined(labels)),
                                        Message.IST0173,
                                        subsets.get(i).getName(),
                                        new TreeMap<>(labels).toString());
                            }
                        }
                    });
                }));
    }
}
