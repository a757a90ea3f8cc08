package dev.meshgate.analysis.rules.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import java.util.Set;

/**
 * istiod runs fewer than two replicas: from an IstioOperator (components.pilot.k8s.replicaCount or hpaSpec.minReplicas,
 * values.pilot.replicaCount or autoscaleMin; one replica when nothing is set) or an istiod Deployment without an
 * autoscaler keeping at least two.
 */
public final class IstiodReplicasRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "mesh-istiod-replicas",
                "istiod runs at least two replicas",
                Set.of(Message.MG3003),
                Set.of(Kinds.ISTIO_OPERATOR, Kinds.DEPLOYMENT, Kinds.HPA));
    }

    @Override
    public void check(Context context) {
        context.onEach(Kinds.ISTIO_OPERATOR, operator -> {
            String[] candidates = {
                "/spec/components/pilot/k8s/hpaSpec/minReplicas",
                "/spec/components/pilot/k8s/replicaCount",
                "/spec/values/pilot/autoscaleMin",
                "/spec/values/pilot/replicaCount"
            };
            for (String pointer : candidates) {
                JsonNode value = operator.at(pointer);
                if (value.isNumber()) {
                    if (value.asInt() < 2) {
                        context.report(Message.MG3003, operator, pointer, value.asInt());
                    }
                    return;
                }
            }
            if (!operator.at("/spec/components/pilot/enabled").asText("true").equals("false")) {
                context.report(Message.MG3003, operator, "/spec", 1);
            }
        });
        context.onEach(Kinds.DEPLOYMENT, deployment -> {
            if (deployment.name().equals("istiod") || deployment.name().startsWith("istiod-")) {
                int replicas = deployment.at("/spec/replicas").asInt(1);
                if (replicas < 2 && autoscalerMinimum(context, deployment) < 2) {
                    context.report(Message.MG3003, deployment, "/spec/replicas", replicas);
                }
            }
        });
    }

    private static int autoscalerMinimum(Context context, Resource deployment) {
        for (Resource hpa : context.index().ofKind(Kinds.HPA)) {
            if (hpa.namespace().equals(deployment.namespace())
                    && hpa.at("/spec/scaleTargetRef/name").asText("").equals(deployment.name())) {
                return hpa.at("/spec/minReplicas").asInt(1);
            }
        }
        return 0;
    }
}
