package dev.meshgate.analysis.rules.sidecar;

import dev.meshgate.analysis.Index;
import dev.meshgate.analysis.Kinds;
import java.util.Map;

/** Which namespaces of the input run the ambient data plane, whose proxies read no Sidecar. */
final class AmbientNamespaces {

    private AmbientNamespaces() {}

    /**
     * Whether the input's Namespace object labels the namespace for ambient; as Istio tells, an injection label or a
     * revision keeps sidecars whatever the data-plane mode says. A namespace without its object in the input is not.
     */
    static boolean ambient(Index index, String namespace) {
        return index.find(Kinds.NAMESPACE, "", namespace)
                .map(object -> {
                    Map<String, String> labels = object.labels();
                    return !"enabled".equals(labels.get("istio-injection"))
                            && labels.getOrDefault("istio.io/rev", "").isEmpty()
                            && "ambient".equals(labels.get("istio.io/dataplane-mode"));
                })
                .orElse(false);
    }
}
