package dev.meshgate.analysis.rules.workload;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.workload.WorkloadEndpointFields.Addresses;
import java.util.Set;

/**
 * WorkloadEntries Istio rejects: no address and no network, an address that is no IP, host name or valid Unix
 * domain socket (which takes no ports), ports with names that are no DNS labels or numbers outside 1..65535, labels
 * that are no Kubernetes labels.
 */
public final class WorkloadEntryRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "workloadentry-semantics",
                "WorkloadEntries are accepted by Istio",
                Set.of(Message.MG1105, Message.MG1110, Message.MG1122, Message.MG1123),
                Set.of(Kinds.WORKLOAD_ENTRY));
    }

    @Override
    public void check(Context context) {
        context.onEach(
                Kinds.WORKLOAD_ENTRY,
                entry -> WorkloadEndpointFields.check(context, entry, entry.at("/spec"), "/spec", Addresses.ANY, null));
    }
}
