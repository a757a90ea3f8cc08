package dev.meshgate.manifest;

/** The API groups whose CustomResourceDefinitions meshgate judges structure by: Istio's and the Gateway API. */
public final class CrdGroups {

    private CrdGroups() {}

    /** Whether the schemas of a CRD of this group are read (those of any other group are skipped when reading). */
    public static boolean schemaRead(String group) {
        return group.endsWith(".istio.io") || "gateway.networking.k8s.io".equals(group);
    }
}
