package dev.meshgate.analysis.rules.destinationrule;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.security.WideMtls;
import dev.meshgate.manifest.Resource;
import java.util.Optional;
import java.util.Set;

/**
 * A DestinationRule for every service of its namespace ({@code *.ns.svc.cluster.local}) or of the mesh
 * ({@code *.local}) disables TLS, so clients send plain text, while the PeerAuthentication that decides there is
 * STRICT and refuses it: the namespace's (MG2020, Kiali's KIA0207) or, where the namespace sets no mode, the mesh-wide
 * one (MG2021, KIA0208). DestinationRules for single hosts are IST0113's.
 */
public final class DisabledWideMtlsRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "destinationrule-disabled-wide-mtls",
                "DestinationRules that disable TLS namespace- or mesh-wide meet no STRICT PeerAuthentication",
                Set.of(Message.MG2020, Message.MG2021),
                WideMtls.inputs());
    }

    @Override
    public void check(Context context) {
        if (context.index().ofKind(Kinds.PEER_AUTHENTICATION).isEmpty()) {
            return;
        }
        WideMtls mtls = new WideMtls(context.index());
        context.onEach(Kinds.DESTINATION_RULE, dr -> {
            if (!WideMtls.mode(dr).orElse("").equals("DISABLE")) {
                return;
            }
            String host = dr.at("/spec/host").asText("");
            if (host.equals(mtls.namespaceHost(dr.namespace()))) {
                Optional<Resource> deciding = mtls.namespaceWide(dr.namespace());
                if (deciding.isPresent()) {
                    deciding.filter(WideMtls::strict)
                            .ifPresent(pa -> context.report(
                                    Message.MG2020,
                                    dr,
                                    WideMtls.DESTINATION_RULE_MODE,
                                    host,
                                    name(pa),
                                    dr.namespace()));
                    return;
                }
            } else if (!host.equals(WideMtls.MESH_HOST)) {
                return;
            }
            mtls.namespaceWide(mtls.root())
                    .filter(WideMtls::strict)
                    .ifPresent(
                            pa -> context.report(Message.MG2021, dr, WideMtls.DESTINATION_RULE_MODE, host, name(pa)));
        });
    }

    private static String name(Resource resource) {
        return resource.namespace() + "/" + resource.name();
    }
}
