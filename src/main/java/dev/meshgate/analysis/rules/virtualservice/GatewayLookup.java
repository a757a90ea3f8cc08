package dev.meshgate.analysis.rules.virtualservice;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Reference;
import dev.meshgate.manifest.Resource;
import java.util.List;

/**
 * Whether a gateway a VirtualService binds to is in the input, as an Istio Gateway or a Kubernetes Gateway (which
 * Istio also lets VirtualServices bind to), and the reference it stands for when it is not: the rules that judge a
 * missing gateway and the hosts it would accept agree on when it is missing.
 */
final class GatewayLookup {

    private GatewayLookup() {}

    static boolean exists(Context context, VirtualServiceGateways.Reference gateway) {
        return context.index()
                        .find(Kinds.GATEWAY, gateway.namespace(), gateway.name())
                        .isPresent()
                || context.index()
                        .find(Kinds.KUBERNETES_GATEWAY, gateway.namespace(), gateway.name())
                        .isPresent();
    }

    /**
     * The Gateway in the namespace the reference names; but a Gateway named without a namespace by a VirtualService
     * that sets none either, where the input defines a Gateway of that name in another namespace, is wherever the
     * VirtualService is applied ({@code kubectl apply -n}).
     */
    static Reference reference(Context context, Resource vs, VirtualServiceGateways.Reference gateway) {
        Reference in = Reference.in(gateway.namespace(), Reference.Target.GATEWAY, gateway.qualifiedName());
        if (gateway.relative() && Unplaced.is(context, vs) && context.index().verifiable(in)) {
            List<String> namespaces = context.index().namedInAnyNamespace(Kinds.GATEWAY, gateway.name()).stream()
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
