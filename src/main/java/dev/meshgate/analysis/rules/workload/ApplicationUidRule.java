package dev.meshgate.analysis.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.Workload;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.Map;
import java.util.Set;

/**
 * A pod template that runs the application as user 1337, the sidecar proxy's: the iptables rules let that user's
 * traffic bypass the proxy, so the application's traffic escapes the mesh (IST0144). Istio's own workloads (labelled
 * istio or release=istio) and the proxy's container are left out, as istioctl does.
 */
public final class ApplicationUidRule implements Rule {

    private static final long PROXY_UID = 1337;

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "workload-application-uid",
                "No application container runs as the sidecar proxy's user (1337)",
                Set.of(Message.IST0144),
                Kinds.WORKLOADS);
    }

    @Override
    public void check(Context context) {
        for (Workload workload : context.index().workloads()) {
            Resource source = workload.source();
            if (source.kind().equals(Kinds.ISTIO_OPERATOR)) {
                continue;
            }
            Map<String, String> labels = source.labels();
            if (labels.containsKey("istio") || "istio".equals(labels.get("release"))) {
                continue;
            }
            String spec = workload.podSpecPointer();
            if (isProxyUser(workload.podSpec().path("securityContext"))) {
                context.report(Message.IST0144, source, spec + "/securityContext/runAsUser");
            }
            Elements.each(workload.podSpec().path("containers"), spec + "/containers", (container, pointer) -> {
                String name = container.path("name").asText("");
                if (!name.equals("istio-proxy")
                        && !name.equals("istio-operator")
                        && isProxyUser(container.path("securityContext"))) {
                    context.report(Message.IST0144, source, pointer + "/securityContext/runAsUser");
                }
            });
        }
    }

    private static boolean isProxyUser(JsonNode securityContext) {
        JsonNode user = securityContext.path("runAsUser");
        return user.canConvertToLong() && user.asLong() == PROXY_UID;
    }
}
