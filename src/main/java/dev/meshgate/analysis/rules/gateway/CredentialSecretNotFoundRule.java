package dev.meshgate.analysis.rules.gateway;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Gateway server's TLS credentialName names a Secret that does not exist in the namespace of the gateway's proxies
 * (the workloads its selector matches, as istioctl's gateway SecretAnalyzer reads it): written, or produced by a
 * cert-manager Certificate, an ExternalSecret or a SealedSecret of the input. When the gateway workload is not in the
 * input, the namespace is unknown: a Secret beside the Gateway is taken as the likely layout, anything else is an
 * unverified reference (info), never a missing one.
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
                    unverified(context, gateway, pointer, credential);
                    return;
                }
                for (String namespace : workloadNamespaces) {
                    if (!context.index().secretExists(namespace, credential)) {
                        context.report(
                                Message.IST0101, gateway, pointer, "credentialName", namespace + "/" + credential);
                    }
                }
            });
        });
    }

    private static void unverified(Context context, Resource gateway, String pointer, String credential) {
        if (context.index().secretExists(gateway.namespace(), credential)) {
            return;
        }
        String selector = new TreeMap<>(Resource.stringMap(gateway.at("/spec/selector"))).toString();
        context.report(
                Message.MG2003,
                gateway,
                pointer,
                "credentialName",
                credential,
                "Istio reads it in the namespace of the gateway workload that selector " + selector
                        + " matches, which is not in the input (nor is the Secret in the Gateway's namespace "
                        + gateway.namespace() + "); an inventory or cluster look-ups (meshgate.cluster) check it");
    }
}
