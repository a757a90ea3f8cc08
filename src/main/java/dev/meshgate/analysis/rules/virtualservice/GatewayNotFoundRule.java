package dev.meshgate.analysis.rules.virtualservice;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import java.util.List;
import java.util.Set;

/**
 * A VirtualService binds to a Gateway ("name" or "namespace/name") that the input does not define. A Gateway in a
 * namespace the input does not manage (a shared one installed with Istio) is unverified (MG2003), not missing; so is
 * a Gateway named without a namespace by a VirtualService that sets none either, when the input defines a Gateway of
 * that name in another namespace: the namespace it is applied to ({@code kubectl apply -n}) decides.
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
                            reference(context, vs, gateway),
                            Message.IST0101,
                            "gateway",
                            gateway.qualifiedName());
                }
            }
        });
    }

    private static Reference reference(Context context, Resource vs, VirtualServiceGateways.Reference gateway) {
        Reference in = Reference.in(gateway.namespace(), Reference.Target.GATEWAY, gateway.qualifiedName());
        if (gateway.relative() && Unplaced.is(context, vs) && context.index().verifiable(in)) {
            List<String> namespaces = context.index().ofKind(Kinds.GATEWAY).stream()
                    .filter(candidate -> candidate.name().equals(gateway.name()))
                    .map(Resource::namespace)
                    .distinct()
                    .sorted()
                    .toList();
            if (!namespaces.isEmpty()) {
                return Reference.wherever(
                        Reference.Target.GATEWAY,
                        gateway.name(),
                        "the VirtualService sets no namespace, and the input defines Gateway " + gateway.name()
                                + " in namespace " + String.join(", ", namespaces)
                                + ": applied there (kubectl apply -n), it resolves");
            }
        }
        return in;
    }
}
