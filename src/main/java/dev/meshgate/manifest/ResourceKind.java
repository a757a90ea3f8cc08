package dev.meshgate.manifest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A Kubernetes kind within its API group (the version is left out: every served version is the same kind). */
public record ResourceKind(String group, String kind) {

    // Every resource of a kind shares one instance, the same as the constant rules compare it with: kinds are
    // compared and hashed for every resource by every rule, and an identical instance answers at once. Bounded, as
    // the kinds come from the input.
    private static final Map<ResourceKind, ResourceKind> CANONICAL = new ConcurrentHashMap<>();
    private static final int MAX_CANONICAL = 10_000;

    /** The kind of an apiVersion ("networking.istio.io/v1", "v1", "apps/v1") and kind pair. */
    public static ResourceKind of(String apiVersion, String kind) {
        int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return named(group, kind == null ? "" : kind);
    }

    /** The kind of a group ("" for the core group) and kind name. */
    public static ResourceKind named(String group, String kind) {
        ResourceKind wanted = new ResourceKind(group, kind);
        ResourceKind known = CANONICAL.get(wanted);
        if (known != null) {
            return known;
        }
        if (CANONICAL.size() >= MAX_CANONICAL) {
            return wanted;
        }
        ResourceKind raced = CANONICAL.putIfAbsent(wanted, wanted);
        return raced != null ? raced : wanted;
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof ResourceKind that && group.equals(that.group) && kind.equals(that.kind);
    }

    @Override
    public int hashCode() {
        return 31 * group.hashCode() + kind.hashCode();
    }

    @Override
    public String toString() {
        return group.isEmpty() ? kind : kind + "." + group;
    }
}
