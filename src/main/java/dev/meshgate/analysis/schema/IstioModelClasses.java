package dev.meshgate.analysis.schema;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/** Finds the fabric8 class of an Istio apiVersion/kind from fabric8's package naming. */
final class IstioModelClasses {

    /** API group to the package segment fabric8 uses, and the versions Istio serves for it. */
    private static final Map<String, Group> GROUPS = Map.of(
            "networking.istio.io", new Group("networking", Set.of("v1alpha3", "v1beta1", "v1")),
            "security.istio.io", new Group("security", Set.of("v1beta1", "v1")),
            "telemetry.istio.io", new Group("telemetry", Set.of("v1alpha1", "v1")),
            "extensions.istio.io", new Group("extensions", Set.of("v1alpha1")));

    // Keeps user-written kinds from naming anything but a top-level class of the package.
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]*");

    private static final ConcurrentMap<String, Optional<Class<?>>> CACHE = new ConcurrentHashMap<>();

    private record Group(String packageSegment, Set<String> versions) {
    }

    private IstioModelClasses() {
    }

    static Optional<Class<?>> lookup(String apiVersion, String kind) {
        if (apiVersion == null || kind == null) {
            return Optional.empty();
        }
        return CACHE.computeIfAbsent(apiVersion + ' ' + kind, key -> find(apiVersion, kind));
    }

    private static Optional<Class<?>> find(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        Group group = slash < 0 ? null : GROUPS.get(apiVersion.substring(0, slash));
        String version = apiVersion.substring(slash + 1);
        if (group == null || !group.versions().contains(version) || !KIND.matcher(kind).matches()) {
            return Optional.empty();
        }
        String name = "io.fabric8.istio.api." + group.packageSegment() + '.' + version + '.' + kind;
        try {
            Class<?> type = Class.forName(name, false, IstioModelClasses.class.getClassLoader());
            // The package also holds XxxList and builders; only real resources carry this apiVersion/kind.
            if (HasMetadata.class.isAssignableFrom(type)) {
                @SuppressWarnings("unchecked")
                Class<? extends HasMetadata> resource = (Class<? extends HasMetadata>) type;
                if (HasMetadata.getApiVersion(resource).equals(apiVersion) && HasMetadata.getKind(resource).equals(kind)) {
                    return Optional.of(type);
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // no such kind in this group/version
        }
        return Optional.empty();
    }
}
