package dev.meshgate.analysis;

import dev.meshgate.manifest.Resource;

/** The resource a finding is about: kind, namespace ("" for cluster-scoped or file-level findings) and name. */
public record ResourceRef(String kind, String namespace, String name) {

    public static ResourceRef of(Resource resource) {
        return new ResourceRef(resource.kind().kind(), resource.namespace(), resource.name());
    }

    /** "Kind namespace/name" as istioctl prints it. */
    @Override
    public String toString() {
        return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
}
