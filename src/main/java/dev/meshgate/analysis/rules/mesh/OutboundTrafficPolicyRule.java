package dev.meshgate.analysis.rules.mesh;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import java.util.Set;

/** The mesh lets workloads reach any external host: outboundTrafficPolicy is not REGISTRY_ONLY (ALLOW_ANY by default). */
public final class OutboundTrafficPolicyRule implements Rule {

    private static final String MODE = "/outboundTrafficPolicy/mode";

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "mesh-outbound-registry-only",
                "Outbound traffic is limited to registered hosts",
                Set.of(Message.MG3002),
                Set.of(Kinds.ISTIO_OPERATOR, Kinds.CONFIG_MAP));
    }

    @Override
    public void check(Context context) {
        for (MeshConfigSource source : MeshConfigSource.all(context.index())) {
            String mode = source.meshConfig().at(MODE).asText("ALLOW_ANY (the default)");
            if (!mode.equals("REGISTRY_ONLY")) {
                context.report(Message.MG3002, source.resource(), source.pointerOf(MODE), mode);
            }
        }
    }
}
