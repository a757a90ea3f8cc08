package dev.meshgate.analysis.rules.networking;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.values.Elements;
import java.util.Set;

/**
 * What istioctl's deprecation analyzer calls deprecated (IST0002): a fault delay's integer percent (replaced by
 * percentage), a Sidecar's egressProxy (ignored), and the CustomResourceDefinitions of Istio's removed RBAC kinds
 * (rbac.istio.io).
 */
public final class DeprecatedFieldRule implements Rule {

    /** The removed kinds, as "group kind". */
    private static final Set<String> REMOVED = Set.of(
            "rbac.istio.io ClusterRbacConfig",
            "rbac.istio.io RbacConfig",
            "rbac.istio.io ServiceRole",
            "rbac.istio.io ServiceRoleBinding");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "deprecated-fields",
                "No deprecated Istio fields or removed Istio kinds",
                Set.of(Message.IST0002),
                Set.of(Kinds.VIRTUAL_SERVICE, Kinds.SIDECAR, Kinds.CUSTOM_RESOURCE_DEFINITION));
    }

    @Override
    public void check(Context context) {
        context.onEach(
                Kinds.VIRTUAL_SERVICE,
                vs -> Elements.each(vs.at("/spec/http"), "/spec/http", (route, pointer) -> {
                    if (route.path("fault").path("delay").path("percent").asLong() > 0) {
                        context.report(
                                Message.IST0002,
                                vs,
                                pointer + "/fault/delay/percent",
                                "HTTPRoute.fault.delay.percent is deprecated; use HTTPRoute.fault.delay.percentage");
                    }
                }));
        context.onEach(Kinds.SIDECAR, sidecar -> {
            if (sidecar.at("/spec/outboundTrafficPolicy/egressProxy").isObject()) {
                context.report(
                        Message.IST0002,
                        sidecar,
                        "/spec/outboundTrafficPolicy/egressProxy",
                        "OutboundTrafficPolicy.EgressProxy ignored");
            }
        });
        context.onEach(Kinds.CUSTOM_RESOURCE_DEFINITION, crd -> {
            String group = crd.at("/spec/group").asText("");
            String kind = crd.at("/spec/names/kind").asText("");
            if (REMOVED.contains(group + " " + kind)) {
                context.report(
                        Message.IST0002,
                        crd,
                        "/spec/names/kind",
                        "Custom resource type " + group + " " + kind + " is removed");
            }
        });
    }
}
