package dev.meshgate.analysis.rules.gateway;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import java.util.Set;

/**
 * A Gateway server's TLS credentialName names a Secret that does not exist in the namespace of the gateway's proxies:
 * written, or produced by a cert-manager Certificate, an ExternalSecret or a SealedSecret of the input.
 */
public final class CredentialSecretNotFoundRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "gateway-credential-not-found",
                "Every Gateway TLS credentialName has its Secret in the gateway's namespace",
                Set.of(Message.IST0101),
                Kinds.union(
                        Kinds.WORKLOADS,
                        Set.of(
                                Kinds.GATEWAY,
                                Kinds.SECRET,
                                Kinds.CERTIFICATE,
                                Kinds.EXTERNAL_SECRET,
                                Kinds.SEALED_SECRET)));
    }

    @Override
    public void check(Context context) {
        context.onEach(
                Kinds.GATEWAY,
                gateway -> Elements.each(gateway.at("/spec/servers"), "/spec/servers", (server, serverPointer) -> {
                    String pointer = serverPointer + "/tls/credentialName";
                    String credential = gateway.at(pointer).asText("");
                    if (credential.isEmpty() || credential.contains("://")) {
                        return;
                    }
                    for (String namespace : GatewayWorkloadNamespaces.of(gateway, context.index())) {
                        if (!context.index().secretExists(namespace, credential)) {
                            context.report(
                                    Message.IST0101, gateway, pointer, "credentialName", namespace + "/" + credential);
                        }
                    }
                }));
    }
}
