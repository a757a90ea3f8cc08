package dev.meshgate.analysis.rules.gateway;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Reference;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Gateway server's TLS credentialName names a Secret that does not exist in the namespace of the gateway's proxies
 * (the workloads its selector matches, as istioctl's gateway SecretAnalyzer reads it): written, or produced by a
 * cert-manager Certificate, an ExternalSecret or a SealedSecret of the input. A Secret in a namespace the input does not
 * manage is unverified (MG2003), not missing. When the gateway workload is not in the input, the namespace is
 * unknown: a Secret beside the Gateway is taken as the likely layout, anything else is unverified.
 */
public final class CredentialSecretNotFoundRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "gateway-credential-not-found",
                "Every Gateway TLS credentialName has its Secret in the namespace of the gateway's workload",
                Set.of(Message.IST0101, Message.MG2003),
                Kinds.withWorkloads(
                        Kinds.GATEWAY, Kinds.SECRET, Kinds.CERTIFICATE, Kinds.EXTERNAL_SECRET, Kinds.SEALED_SECRET));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.GATEWAY, gateway -> {
            Set<String> workloadNamespaces = GatewayWorkloadNamespaces.of(gateway, context.index());
            Elements.each(gateway.at("/spec/servers"), "/spec/servers", (server, serverPointer) -> {
                String pointer = serverPointer + "/tls/credentialName";
                String credential = gateway.at(pointer).asText("");
                if (credential.isEmpty() || credential.contains("://")) {
                    return;
                }
                if (workloadNamespaces.isEmpty()) {
                    if (!context.index().secretExists(gateway.namespace(), credential)) {
                        context.unresolved(
                                gateway,
                                pointer,
                                Reference.wherever(Reference.Target.SECRET, credential, withoutWorkload(gateway)),
                                Message.IST0101,
                                "credentialName",
                                credential);
                    }
                    return;
                }
                for (String namespace : workloadNamespaces) {
                    if (!context.index().secretExists(namespace, credential)) {
                        context.unresolved(
                                gateway,
                                pointer,
                                Reference.in(namespace, Reference.Target.SECRET, namespace + "/" + credential),
                                Message.IST0101,
                                "credentialName",
                                namespace + "/" + credential);
                    }
                }
            });
        });
    }

    private static String withoutWorkload(Resource gateway) {
        String selector = new TreeMap<>(Resource.stringMap(gateway.at("/spec/selector"))).toString();
        return "Istio reads it in the namespace of the gateway workload that selector " + selector
                + " matches, which is not in the input (nor is the Secret in the Gateway's namespace "
                + gateway.namespace() + ")";
    }
}
