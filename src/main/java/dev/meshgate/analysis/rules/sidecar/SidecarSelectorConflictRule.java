package dev.meshgate.analysis.rules.sidecar;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.workload.SelectorConflicts;
import java.util.Set;

/**
 * Sidecars that compete for the same proxies: several without a workload selector in one namespace (IST0111), or
 * several whose selectors match the same workload (IST0110). Istio applies only one of them.
 */
public final class SidecarSelectorConflictRule implements Rule {

    private static final SelectorConflicts CONFLICTS =
            new SelectorConflicts(Kinds.SIDECAR, "/spec/workloadSelector/labels", Message.IST0111, Message.IST0110);

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "sidecar-selector-conflict",
                "One Sidecar applies to each workload",
                Set.of(Message.IST0110, Message.IST0111),
                Kinds.withWorkloads(Kinds.SIDECAR));
    }

    @Override
    public void check(Context context) {
        CONFLICTS.report(context);
    }
}
