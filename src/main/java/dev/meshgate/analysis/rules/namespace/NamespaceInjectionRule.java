package dev.meshgate.analysis.rules.namespace;

import dev.meshgate.analysis.Context;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Rule;
import dev.meshgate.analysis.RuleInfo;
import dev.meshgate.analysis.rules.mesh.InjectorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Namespace object of the input that says nothing about sidecar injection (IST0102, info: its pods get no sidecar
 * unless each asks), or that carries more than one injection label (IST0123): istio-injection=enabled with
 * istio.io/rev or the ambient data-plane mode. Istio's own namespace and Kubernetes' (kube-*) are left out, and
 * ambient namespaces need no injection. Where the input's sidecar injector configuration injects every namespace by
 * default (sidecarInjectorWebhook.enableNamespacesByDefault), an unlabelled Namespace is injected (IST0148, info).
 */
public final class NamespaceInjectionRule implements Rule {

    private static final String INJECTION = "istio-injection";
    private static final String REVISION = "istio.io/rev";
    private static final String DATAPLANE_MODE = "istio.io/dataplane-mode";

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "namespace-injection",
                "Every Namespace says whether its pods get sidecars, with one injection label",
                Set.of(Message.IST0102, Message.IST0123, Message.IST0148),
                Set.of(Kinds.NAMESPACE, Kinds.CONFIG_MAP));
    }

    @Override
    public void check(Context context) {
        String root = context.settings().rootNamespace();
        boolean injectedByDefault = InjectorConfig.of(context.index(), "")
                .map(InjectorConfig::injectsNamespacesByDefault)
                .orElse(false);
        context.onEach(Kinds.NAMESPACE, namespace -> {
            String name = namespace.name();
            if (name.equals(root) || name.startsWith("kube-")) {
                return;
            }
            Map<String, String> labels = namespace.labels();
            String injection = labels.get(INJECTION);
            List<String> injectionLabels = new ArrayList<>();
            if (injection != null) {
                injectionLabels.add(INJECTION + "=" + injection);
            }
            // istio-injection=disabled wins over the others, so only with it enabled (or absent) do they compete.
            for (String label : List.of(REVISION, DATAPLANE_MODE)) {
                if (labels.containsKey(label) && (injection == null || injection.equals("enabled"))) {
                    injectionLabels.add(label + "=" + labels.get(label));
                }
            }
            if (injectionLabels.size() > 1) {
                context.report(Message.IST0123, namespace, "/metadata/labels", injectionLabels);
            }
            if ("ambient".equals(labels.get(DATAPLANE_MODE))) {
                return;
            }
            if ((injection == null || injection.isEmpty()) && !labels.containsKey(REVISION)) {
                if (injectedByDefault) {
                    context.report(Message.IST0148, namespace, "/metadata/name");
                } else {
                    context.report(Message.IST0102, namespace, "/metadata/name", name, name);
                }
            }
        });
    }
}
