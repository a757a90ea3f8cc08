package dev.meshgate.analysis.schema;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fabric8 class of every Istio apiVersion/kind the model has, listed explicitly so that no class is looked up by
 * a name taken from user input (and so that a native image sees every class it needs).
 */
final class IstioModelClasses {

    private static final List<Class<? extends HasMetadata>> CLASSES = List.of(
            io.fabric8.istio.api.extensions.v1alpha1.WasmPlugin.class,
            io.fabric8.istio.api.networking.v1.DestinationRule.class,
            io.fabric8.istio.api.networking.v1.Gateway.class,
            io.fabric8.istio.api.networking.v1.ServiceEntry.class,
            io.fabric8.istio.api.networking.v1.Sidecar.class,
            io.fabric8.istio.api.networking.v1.VirtualService.class,
            io.fabric8.istio.api.networking.v1.WorkloadEntry.class,
            io.fabric8.istio.api.networking.v1.WorkloadGroup.class,
            io.fabric8.istio.api.networking.v1alpha3.DestinationRule.class,
            io.fabric8.istio.api.networking.v1alpha3.EnvoyFilter.class,
            io.fabric8.istio.api.networking.v1alpha3.Gateway.class,
            io.fabric8.istio.api.networking.v1alpha3.ServiceEntry.class,
            io.fabric8.istio.api.networking.v1alpha3.Sidecar.class,
            io.fabric8.istio.api.networking.v1alpha3.VirtualService.class,
            io.fabric8.istio.api.networking.v1alpha3.WorkloadEntry.class,
            io.fabric8.istio.api.networking.v1alpha3.WorkloadGroup.class,
            io.fabric8.istio.api.networking.v1beta1.DestinationRule.class,
            io.fabric8.istio.api.networking.v1beta1.Gateway.class,
            io.fabric8.istio.api.networking.v1beta1.ProxyConfig.class,
            io.fabric8.istio.api.networking.v1beta1.ServiceEntry.class,
            io.fabric8.istio.api.networking.v1beta1.Sidecar.class,
            io.fabric8.istio.api.networking.v1beta1.VirtualService.class,
            io.fabric8.istio.api.networking.v1beta1.WorkloadEntry.class,
            io.fabric8.istio.api.networking.v1beta1.WorkloadGroup.class,
            io.fabric8.istio.api.security.v1.AuthorizationPolicy.class,
            io.fabric8.istio.api.security.v1.PeerAuthentication.class,
            io.fabric8.istio.api.security.v1.RequestAuthentication.class,
            io.fabric8.istio.api.security.v1beta1.AuthorizationPolicy.class,
            io.fabric8.istio.api.security.v1beta1.PeerAuthentication.class,
            io.fabric8.istio.api.security.v1beta1.RequestAuthentication.class,
            io.fabric8.istio.api.telemetry.v1.Telemetry.class,
            io.fabric8.istio.api.telemetry.v1alpha1.Telemetry.class);

    private static final Map<String, Class<?>> BY_API_VERSION_AND_KIND = new HashMap<>();

    private static final Set<String> KINDS_BY_GROUP;

    static {
        for (Class<? extends HasMetadata> type : CLASSES) {
            BY_API_VERSION_AND_KIND.put(HasMetadata.getApiVersion(type) + ' ' + HasMetadata.getKind(type), type);
        }
        KINDS_BY_GROUP = CLASSES.stream()
                .map(t -> HasMetadata.getGroup(t) + ' ' + HasMetadata.getKind(t))
                .collect(Collectors.toUnmodifiableSet());
    }

    private IstioModelClasses() {}

    static Optional<Class<?>> lookup(String apiVersion, String kind) {
        if (apiVersion == null || kind == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_API_VERSION_AND_KIND.get(apiVersion + ' ' + kind));
    }

    /** Whether the kind exists in the group in some version (so an unserved version is a mistake, not a new kind). */
    static boolean knownKind(String group, String kind) {
        return KINDS_BY_GROUP.contains(group + ' ' + kind);
    }
}
