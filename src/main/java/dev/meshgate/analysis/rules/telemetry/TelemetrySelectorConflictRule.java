package dev.meshgate.analysis.rules.telemetry;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.workload.SelectorConflicts;
import java.util.Set;

/**
 * Telemetries that compete for the same proxies: several without a selector in one namespace (IST0160), or several
 * whose selectors match the same workload (IST0159). Istio applies one of them, so the others' metrics, logs or
 * traces settings are silently dropped.
 */
public final class TelemetrySelectorConflictRule implements Rule {

    private static final SelectorConflicts CONFLICTS =
            new SelectorConflicts(Kinds.TELEMETRY_KIND, "/spec/selector/matchLabels", Message.IST0160, Message.IST0159);

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "telemetry-selector-conflict",
                "One Telemetry applies to each workload",
                Set.of(Message.IST0159, Message.IST0160),
                Kinds.withWorkloads(Kinds.TELEMETRY_KIND));
    }

    @Override
    public void check(Context context) {
        CONFLICTS.report(context);
    }
}
