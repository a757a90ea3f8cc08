package dev.meshgate.analysis.rules.sidecar;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.workload.SelectorConflicts;
import dev.meshgate.manifest.Resource;
import java.util.Set;

/**
 * Sidecars that compete for the same proxies: several without a workload selector in one namespace (IST0111), or
 * several whose selectors match the same workload (IST0110). Istio applies only one of them.
 */
public final class SidecarSelectorConflictRule implements Rule {

    private static final String SELECTOR = "/spec/workloadSelector/labels";

    // Sidecars without a selector in an ambient namespace configure no proxy (IST0167), so they compete for none.
    private static final SelectorConflicts CONFLICTS = new SelectorConflicts(
            Kinds.SIDECAR,
            SELECTOR,
            Message.IST0111,
            Message.IST0110,
            (index, sidecar) -> !Resource.stringMap(sidecar.at(SELECTOR)).isEmpty()
                    || !AmbientNamespaces.ambient(index, sidecar.namespace()));

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "sidecar-selector-conflict",
                "One Sidecar applies to each workload",
                Set.of(Message.IST0110, Message.IST0111),
                Kinds.withWorkloads(Kinds.SIDECAR, Kinds.NAMESPACE));
    }

    @Override
    public void check(Context context) {
        CONFLICTS.report(context);
    }
}
