package dev.meshgate.analysis.schema;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** The fabric8 class of every Istio apiVersion and kind the built-in model serves. */
final class IstioModelClasses {

    static final List<Class<? extends HasMetadata>> CLASSES = List.of(
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

    private IstioModelClasses() {}
}
