package dev.meshgate.analysis.rules.gatewayapi;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.Set;

/**
 * The certificate Secrets of a Kubernetes Gateway's TLS listeners ({@code tls.certificateRefs}) exist, written or
 * produced by a controller of the input (IST0101), and one in another namespace is permitted by a ReferenceGrant
 * there (MG2104): otherwise the listener is not programmed. A Secret or a grant in a namespace the input does not
 * manage is unverified (MG2003).
 */
public final class ListenerCertificateRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "gatewayapi-listener-certificates",
                "Every certificate Secret of a Kubernetes Gateway's listeners exists and may be referred to",
                Set.of(Message.IST0101, Message.MG2104, Message.MG2003),
                Set.of(
                        Kinds.KUBERNETES_GATEWAY,
                        Kinds.REFERENCE_GRANT,
                        Kinds.SECRET,
                        Kinds.CERTIFICATE,
                        Kinds.EXTERNAL_SECRET,
                        Kinds.SEALED_SECRET));
    }

    @Override
    public void check(Context context) {
        ReferenceGrants grants = new ReferenceGrants(context.index().ofKind(Kinds.REFERENCE_GRANT));
        context.onEach(Kinds.KUBERNETES_GATEWAY, gateway -> {
            for (Listener listener : Listener.of(gateway)) {
                String refs = listener.pointer() + "/tls/certificateRefs";
                Elements.each(gateway.at(refs), refs, (ref, pointer) -> {
                    String name = ref.path("name").asText("");
                    if (!name.isEmpty()
                            && ref.path("group").asText("").isEmpty()
                            && ref.path("kind").asText("Secret").equals("Secret")) {
                        check(
                                context,
                                grants,
                                gateway,
                                ParentRef.text(ref.path("namespace"), gateway.namespace()),
                                name,
                                pointer);
                    }
                });
            }
        });
    }

    private static void check(
            Context context, ReferenceGrants grants, Resource gateway, String namespace, String name, String pointer) {
        if (grants.permitsOrReport(context, gateway, pointer + "/namespace", "Secret", namespace, name)
                && !context.index().secretExists(namespace, name)) {
            context.unresolved(
                    gateway,
                    pointer + "/name",
                    Reference.in(namespace, Reference.Target.SECRET, namespace + "/" + name),
                    Message.IST0101,
                    "Secret",
                    namespace + "/" + name);
        }
    }
}
