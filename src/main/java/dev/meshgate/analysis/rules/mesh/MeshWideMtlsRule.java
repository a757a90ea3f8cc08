package dev.meshgate.analysis.rules.mesh;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import java.util.List;
import java.util.Set;

/**
 * Mesh-wide mutual TLS is not enforced: the mesh-wide PeerAuthentication (root namespace, no selector) is not STRICT,
 * or there is none although the input defines the control plane (reported on its IstioOperator or istio ConfigMap).
 * Repositories that do not hold the control plane or root-namespace policies are not judged.
 */
public final class MeshWideMtlsRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "mesh-mtls-strict",
                "Mesh-wide mTLS is STRICT",
                Set.of(Message.MG3001),
                Set.of(Kinds.PEER_AUTHENTICATION, Kinds.ISTIO_OPERATOR, Kinds.CONFIG_MAP));
    }

    @Override
    public void check(Context context) {
        String root = MeshConfigSource.rootNamespace(context.index());
        List<Resource> meshWide = context.index().ofKind(Kinds.PEER_AUTHENTICATION).stream()
                .filter(pa ->
                        pa.namespace().equals(root) && !pa.at("/spec/selector").isObject())
                .toList();
        for (Resource policy : meshWide) {
            String mode = policy.at("/spec/mtls/mode").asText("UNSET");
            if (!mode.equals("STRICT")) {
                context.report(
                        Message.MG3001,
                        policy,
                        "/spec/mtls/mode",
                        "the mesh-wide PeerAuthentication " + root + "/" + policy.name() + " sets mtls mode " + mode
                                + ", not STRICT");
            }
        }
        if (meshWide.isEmpty()) {
            for (MeshConfigSource source : MeshConfigSource.all(context.index())) {
                context.report(
                        Message.MG3001,
                        source.resource(),
                        "",
                        "no mesh-wide PeerAuthentication in " + root
                                + " sets mtls mode STRICT, so workloads accept plain text");
            }
        }
    }
}
