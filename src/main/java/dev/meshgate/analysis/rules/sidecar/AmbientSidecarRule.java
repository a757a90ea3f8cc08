package dev.meshgate.analysis.rules.sidecar;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.Workload;
import dev.meshgate.manifest.Resource;
import java.util.Map;
import java.util.Set;

/**
 * Sidecars that apply to no sidecar proxy because the ambient data plane serves their workloads (IST0167): one without
 * a selector in a Namespace of the input labelled for ambient (and not for injection), or one selecting pods whose
 * traffic the ambient data plane redirects.
 */
public final class AmbientSidecarRule implements Rule {

    private static final String SELECTOR = "/spec/workloadSelector/labels";

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "sidecar-ambient",
                "Sidecars apply to workloads that run sidecars",
                Set.of(Message.IST0167),
                Kinds.withWorkloads(Kinds.SIDECAR, Kinds.NAMESPACE));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.SIDECAR, sidecar -> {
            Map<String, String> selector = Resource.stringMap(sidecar.at(SELECTOR));
            if (selector.isEmpty()) {
                if (AmbientNamespaces.ambient(context.index(), sidecar.namespace())) {
                    context.report(
                            Message.IST0167,
                            sidecar,
                            "/spec",
                            "namespace is in ambient mode, the policy has no impact");
                }
                return;
            }
            boolean redirected = context.index().workloads(sidecar.namespace(), selector).stream()
                    .anyMatch(AmbientSidecarRule::redirected);
            if (redirected) {
                context.report(
                        Message.IST0167,
                        sidecar,
                        SELECTOR,
                        "selected workload is in ambient mode, the policy has no impact");
            }
        });
    }

    private static boolean redirected(Workload workload) {
        return "enabled".equals(workload.podAnnotations().get("ambient.istio.io/redirection"));
    }
}
