package dev.meshgate.analysis.rules.security;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import java.util.Optional;
import java.util.Set;

/**
 * A PeerAuthentication turns mutual TLS off for a namespace (MG2022, Kiali's KIA0505) or the mesh (MG2023, KIA0506)
 * while a DestinationRule for every service there ({@code *.ns.svc.cluster.local}, or {@code *.local}) tells clients
 * to send mutual TLS: the servers no longer terminate it, so the requests fail. A namespace-wide DestinationRule that
 * disables TLS keeps the namespace's clients in step, whatever a mesh-wide one says.
 */
public final class DisabledPeerAuthenticationRule implements Rule {

    private static final String MODE = "/spec/mtls/mode";

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "peerauthentication-disabled-mtls",
                "PeerAuthentications that disable mutual TLS have DestinationRules that disable it too",
                Set.of(Message.MG2022, Message.MG2023),
                WideMtls.inputs());
    }

    @Override
    public void check(Context context) {
        if (context.index().ofKind(Kinds.DESTINATION_RULE).isEmpty()) {
            return;
        }
        WideMtls mtls = new WideMtls(context.index());
        context.onEach(Kinds.PEER_AUTHENTICATION, pa -> {
            if (!WideMtls.namespaceWideMode(pa).orElse("").equals("DISABLE")) {
                return;
            }
            if (pa.namespace().equals(mtls.root())) {
                mtls.destinationRuleFor(WideMtls.MESH_HOST, WideMtls::mutual)
                        .ifPresent(dr -> context.report(Message.MG2023, pa, MODE, name(dr), modeOf(dr)));
                return;
            }
            String host = mtls.namespaceHost(pa.namespace());
            Optional<Resource> sending = mtls.destinationRuleFor(host, WideMtls::mutual);
            if (sending.isEmpty()
                    && mtls.destinationRuleFor(host, "DISABLE"::equals).isEmpty()) {
                sending = mtls.destinationRuleFor(WideMtls.MESH_HOST, WideMtls::mutual);
            }
            sending.ifPresent(dr -> context.report(
                    Message.MG2022,
                    pa,
                    MODE,
                    pa.namespace(),
                    name(dr),
                    dr.at("/spec/host").asText(),
                    modeOf(dr),
                    host));
        });
    }

    private static String name(Resource resource) {
        return resource.namespace() + "/" + resource.name();
    }

    private static String modeOf(Resource destinationRule) {
        return WideMtls.mode(destinationRule).orElseThrow();
    }
}
