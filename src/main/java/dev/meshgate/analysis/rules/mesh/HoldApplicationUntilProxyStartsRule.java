package dev.meshgate.analysis.rules.mesh;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.Workload;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applications can start before their sidecar: holdApplicationUntilProxyStarts is not enabled mesh-wide (IstioOperator
 * meshConfig or values, or the istio ConfigMap), or a workload's proxy.istio.io/config annotation turns it off.
 */
public final class HoldApplicationUntilProxyStartsRule implements Rule {

    private static final String SETTING = "/defaultConfig/holdApplicationUntilProxyStarts";
    private static final Pattern TURNED_OFF = Pattern.compile("holdApplicationUntilProxyStarts\"?\\s*:\\s*false");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "mesh-hold-application-until-proxy-starts",
                "Applications wait for their sidecar",
                Set.of(Message.MG3005),
                Kinds.union(Kinds.WORKLOADS, Set.of(Kinds.ISTIO_OPERATOR, Kinds.CONFIG_MAP)));
    }

    @Override
    public void check(Context context) {
        for (MeshConfigSource source : MeshConfigSource.all(context.index())) {
            boolean values = source.resource()
                    .at("/spec/values/global/proxy/holdApplicationUntilProxyStarts")
                    .asBoolean(false);
            if (!source.meshConfig().at(SETTING).asBoolean(false) && !values) {
                context.report(
                        Message.MG3005,
                        source.resource(),
                        source.pointerOf(SETTING),
                        " in the mesh's default proxy configuration");
            }
        }
        for (Workload workload : context.index().workloads()) {
            String config = workload.podAnnotation("proxy.istio.io/config");
            if (config != null && TURNED_OFF.matcher(config).find()) {
                String pointer = workload.podSpecPointer()
                                .substring(0, workload.podSpecPointer().lastIndexOf('/'))
                        + "/metadata/annotations/proxy.istio.io~1config";
                context.report(
                        Message.MG3005,
                        workload.source(),
                        pointer,
                        ": the pod's proxy.istio.io/config annotation turns it off");
            }
        }
    }
}
