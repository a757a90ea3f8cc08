package dev.meshgate.analysis.rules.security;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.workload.SelectorConflicts;
import java.util.Set;

/**
 * RequestAuthentications that overlap (Kiali's KIA0002 and KIA0003): several without a selector in one namespace
 * (MG2024), or several selecting the same workload (MG2025). Istio combines them, so each one's issuers are trusted
 * wherever another applies: legal, but rarely meant.
 */
public final class RequestAuthenticationConflictRule implements Rule {

    private static final SelectorConflicts CONFLICTS = new SelectorConflicts(
            Kinds.REQUEST_AUTHENTICATION,
            "/spec/selector/matchLabels",
            Message.MG2024,
            Message.MG2025,
            // A policy attached by targetRef(s) applies to what it names, not to the namespace.
            (index, ra) -> ra.at("/spec/targetRef").isMissingNode()
                    && ra.at("/spec/targetRefs").isMissingNode());

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "requestauthentication-conflict",
                "One RequestAuthentication applies to each workload",
                Set.of(Message.MG2024, Message.MG2025),
                Kinds.withWorkloads(Kinds.REQUEST_AUTHENTICATION));
    }

    @Override
    public void check(Context context) {
        CONFLICTS.report(context);
    }
}
