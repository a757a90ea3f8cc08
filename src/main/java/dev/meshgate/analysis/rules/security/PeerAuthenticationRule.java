package dev.meshgate.analysis.rules.security;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.analysis.rules.values.PortNumbers;
import java.util.Set;

/**
 * PeerAuthentications Istio rejects: port-level mTLS without selector labels, an empty portLevelMtls, ports outside
 * 1..65535.
 */
public final class PeerAuthenticationRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "peerauthentication-semantics",
                "PeerAuthentications are accepted by Istio",
                Set.of(Message.MG1105, Message.MG1110),
                Set.of(Kinds.PEER_AUTHENTICATION));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.PEER_AUTHENTICATION, policy -> {
            var ports = policy.at("/spec/portLevelMtls");
            // A selector without labels selects the whole namespace, where port-level mTLS is refused too.
            if (ports.isObject()
                    && !ports.isEmpty()
                    && policy.at("/spec/selector/matchLabels").isEmpty()) {
                context.report(
                        Message.MG1110,
                        policy,
                        "/spec/portLevelMtls",
                        "selector labels (port-level mTLS only applies to selected workloads)");
            }
            if (ports.isObject() && ports.isEmpty()) {
                context.report(Message.MG1110, policy, "/spec/portLevelMtls", "a port in portLevelMtls (it is empty)");
            }
            Elements.entries(ports, "/spec/portLevelMtls", (port, value, pointer) -> {
                if (!PortNumbers.valid(port)) {
                    context.report(Message.MG1105, policy, pointer, port, "must be a number between 1 and 65535");
                }
            });
        });
    }
}
