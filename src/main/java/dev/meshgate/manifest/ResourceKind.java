package dev.meshgate.manifest;

/** A Kubernetes kind within its API group (the version is left out: every served version is the same kind). */
public record ResourceKind(String group, String kind) {

    /** The kind of an apiVersion ("networking.istio.io/v1", "v1", "apps/v1") and kind pair. */
    public static ResourceKind of(String apiVersion, String kind) {
        int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return new ResourceKind(group, kind == null ? "" : kind);
    }

    @Override
    public String toString() {
        return group.isEmpty() ? kind : kind + "." + group;
    }
}
