package dev.meshgate.analysis.rules.gatewayapi;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import java.util.List;
import java.util.Set;

/**
 * Two listeners of one Kubernetes Gateway with the same port, protocol and hostname (MG2105; Kiali's KIA1503): the
 * Gateway API requires each combination to be distinct, and the later listener is reported against the first.
 */
public final class ConflictingListenersRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "gatewayapi-conflicting-listeners",
                "The listeners of a Kubernetes Gateway differ in port, protocol or hostname",
                Set.of(Message.MG2105),
                Set.of(Kinds.KUBERNETES_GATEWAY));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.KUBERNETES_GATEWAY, gateway -> {
            List<Listener> listeners = Listener.of(gateway);
            for (int later = 1; later < listeners.size(); later++) {
                Listener listener = listeners.get(later);
                listeners.subList(0, later).stream()
                        .filter(listener::sameAs)
                        .findFirst()
                        .ifPresent(first -> context.report(
                                Message.MG2105, gateway, listener.pointer(), listener.name(), first.name()));
            }
        });
    }
}
