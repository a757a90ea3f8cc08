package dev.meshgate.analysis.rules.workload;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.manifest.Resource;
import java.util.Set;

/**
 * A running Pod of a namespace labelled istio-injection=enabled without its istio-proxy (IST0103): it was created
 * before injection was enabled, or while the injector was down. A Pod manifest in a repository is what will be
 * created, and Istio injects it at admission, so only a Pod the input shows running is judged: one with a status
 * (a copy of cluster state), or any Pod when the input is declared the whole mesh, as istioctl analyze takes its
 * files. Pods that opt out (sidecar.istio.io/inject=false) and host-network pods get no sidecar.
 */
public final class PodMissingProxyRule implements Rule {

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "workload-pod-missing-proxy",
                "Running pods of injected namespaces have their sidecar",
                Set.of(Message.IST0103),
                Set.of(Kinds.POD, Kinds.NAMESPACE));
    }

    @Override
    public void check(Context context) {
        boolean wholeMesh = context.settings().wholeMesh();
        context.onEach(Kinds.POD, pod -> {
            if (!(wholeMesh || pod.at("/status").isObject()) || !injected(context, pod)) {
                return;
            }
            if (pod.at("/spec/hostNetwork").asBoolean(false)
                    || ProxyContainer.of(pod.at("/spec"), "/spec").isPresent()) {
                return;
            }
            context.report(Message.IST0103, pod, "/spec/containers", pod.namespace() + "/" + pod.name());
        });
    }

    /** Whether the pod's Namespace object enables injection and the pod does not opt out (its label wins). */
    private static boolean injected(Context context, Resource pod) {
        boolean namespaceInjected = SidecarInjection.namespace(context.index(), pod.namespace())
                .map(ns -> "enabled".equals(ns.labels().get("istio-injection")))
                .orElse(false);
        if (!namespaceInjected) {
            return false;
        }
        String optIn = pod.labels()
                .getOrDefault(SidecarInjection.INJECT, pod.annotations().getOrDefault(SidecarInjection.INJECT, ""));
        return !optIn.equalsIgnoreCase("false");
    }
}
