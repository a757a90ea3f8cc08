package dev.meshgate.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshgate.manifest.Resource;

/**
 * The release namespace of a chart that nothing declares (no HelmRelease, no Argo CD destination): it is whatever
 * {@code helm install -n} will say. The chart is rendered with a placeholder, and what its templates put in
 * {@code .Release.Namespace} comes out as unplaced, like a manifest without a namespace, rather than in "default",
 * where references into the namespace it is really installed in would look missing.
 */
final class UnknownReleaseNamespace {

    /** A namespace no cluster has, so that a template's own literal namespaces are never taken for it. */
    static final String PLACEHOLDER = "meshgate-release-namespace";

    private UnknownReleaseNamespace() {}

    /** The resource as if its template had written no namespace, when it is in the placeholder namespace. */
    static Resource unplaced(Resource resource, String defaultNamespace) {
        if (!PLACEHOLDER.equals(resource.namespace())) {
            return resource;
        }
        JsonNode body = resource.body().deepCopy();
        if (body.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove("namespace");
        }
        return new Resource(
                resource.apiVersion(),
                resource.kind().kind(),
                resource.name(),
                defaultNamespace,
                false,
                body,
                resource.positions());
    }
}
