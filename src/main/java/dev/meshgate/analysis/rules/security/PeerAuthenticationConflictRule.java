package dev.meshgate.analysis.rules.security;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.workload.SelectorConflicts;
import java.util.Set;

/**
 * PeerAuthentications that compete for the same proxies (Kiali's KIA0002 and KIA0003): several without a selector in
 * one namespace (MG2004), or several selecting the same workload (MG2005). Istio applies the oldest, so the others'
 * mTLS mode is silently ignored. RequestAuthentications are not compared: Istio combines them.
 */
public final class PeerAuthenticationConflictRule implements Rule {

    private static final SelectorConflicts CONFLICTS = new SelectorConflicts(
            Kinds.PEER_AUTHENTICATION, "/spec/selector/matchLabels", Message.MG2004, Message.MG2005);

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "peerauthentication-conflict",
                "One PeerAuthentication applies to each workload",
                Set.of(Message.MG2004, Message.MG2005),
                Kinds.withWorkloads(Kinds.PEER_AUTHENTICATION));
    }

    @Override
    public void check(Context context) {
        CONFLICTS.report(context);
    }
}
