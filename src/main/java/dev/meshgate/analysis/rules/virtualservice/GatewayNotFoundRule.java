package dev.meshgate.analysis.rules.virtualservice;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import java.util.Set;

/**
 * A VirtualService binds to a Gateway ("name" or "namespace/name") that the input does not define. A Gateway in a
 * namespace the input does not manage (a shared one installed with Istio) is unverified (MG2003), not missing.
 */
public final class GatewayNotFoundRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "virtualservice-gateway-not-found",
                "Every gateway a VirtualService names exists",
                Set.of(Message.IST0101, Message.MG2003),
                Set.of(Kinds.VIRTUAL_SERVICE, Kinds.GATEWAY));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.VIRTUAL_SERVICE, vs -> {
            for (VirtualServiceGateways.Reference gateway : VirtualServiceGateways.named(vs)) {
                if (!gateway.isMesh()
                        && context.index()
                                .find(Kinds.GATEWAY, gateway.namespace(), gateway.name())
                                .isEmpty()) {
                    context.unresolved(
                            vs,
                            gateway.pointer(),
                            Reference.in(gateway.namespace(), Reference.Target.GATEWAY, gateway.qualifiedName()),
                            Message.IST0101,
                            "gateway",
                            gateway.qualifiedName());
                }
            }
        });
    }
}
