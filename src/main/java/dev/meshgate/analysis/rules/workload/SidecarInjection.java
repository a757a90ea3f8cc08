package dev.meshgate.analysis.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.Index;
import dev.meshgate.analysis.Kinds;
import dev.meshgate.manifest.Resource;
import java.util.Optional;

/**
 * Whether a pod template gets a sidecar, as istioctl decides it from the input alone: a written istio-proxy container,
 * else the pod's sidecar.istio.io/inject label, else its annotation, else its Namespace object's istio-injection
 * label. Without any of them (the Namespace not in the input) the pod counts as outside the mesh.
 */
final class SidecarInjection {

    static final String INJECT = "sidecar.istio.io/inject";

    private SidecarInjection() {}

    /** Whether the pod template at the pointer (a Deployment's "/spec/template") is in the mesh. */
    static boolean inMesh(Resource workload, String templatePointer, Index index) {
        JsonNode template = workload.at(templatePointer);
        for (JsonNode container : template.path("spec").path("containers")) {
            if (container.path("name").asText("").equals("istio-proxy")) {
                return true;
            }
        }
        String label = Resource.stringValue(template.path("metadata").path("labels"), INJECT);
        if (label != null) {
            return label.equals("true");
        }
        String annotation = Resource.stringValue(template.path("metadata").path("annotations"), INJECT);
        if (annotation != null) {
            return annotation.equals("true");
        }
        return namespace(index, workload.namespace())
                .map(ns -> "enabled".equals(ns.labels().get("istio-injection")))
                .orElse(false);
    }

    /** The Namespace object of the input (repository or cluster view) with that name. */
    static Optional<Resource> namespace(Index index, String name) {
        return index.find(Kinds.NAMESPACE, "", name);
    }
}
