package dev.meshgate.analysis.rules.annotation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The annotations Istio defines (its public annotation catalogue, istio/api annotation/annotations.yaml): the
 * feature status of each, whether it is deprecated, and the kinds it applies to ("Any" for every kind). Kept as data
 * here so that meshgate needs no Istio library; update it with the Istio release meshgate follows.
 */
final class IstioAnnotations {

    /** The feature status Istio gives an annotation. */
    enum Status {
        ALPHA,
        BETA,
        STABLE,
        UNSPECIFIED
    }

    /** One annotation of the catalogue. */
    record Definition(String name, Status status, boolean deprecated, List<String> kinds) {

        /** Whether it may be written on every kind. */
        boolean anyKind() {
            return kinds.contains("Any");
        }
    }

    private static final Map<String, Definition> CATALOGUE = Stream.of(
                    entry("alpha.istio.io/canonical-serviceaccounts", Status.ALPHA, true, "Service"),
                    entry("alpha.istio.io/kubernetes-serviceaccounts", Status.ALPHA, true, "Service"),
                    entry("ambient.istio.io/bypass-inbound-capture", Status.ALPHA, false, "Pod"),
                    entry("ambient.istio.io/dns-capture", Status.ALPHA, false, "Pod"),
                    entry("ambient.istio.io/redirection", Status.BETA, false, "Pod"),
                    entry("ambient.istio.io/waypoint-inbound-binding", Status.ALPHA, false, "GatewayClass", "Gateway"),
                    entry("galley.istio.io/analyze-suppress", Status.ALPHA, false, "Any"),
                    entry("gateway.istio.io/controller-version", Status.ALPHA, false, "Any"),
                    entry("gateway.istio.io/name-override", Status.ALPHA, false, "Gateway"),
                    entry("gateway.istio.io/service-account", Status.ALPHA, false, "Gateway"),
                    entry("inject.istio.io/templates", Status.ALPHA, false, "Pod"),
                    entry("istio.io/autoRegistrationGroup", Status.ALPHA, false, "WorkloadEntry"),
                    entry("istio.io/connectedAt", Status.ALPHA, false, "WorkloadEntry"),
                    entry("istio.io/disconnectedAt", Status.ALPHA, false, "WorkloadEntry"),
                    entry("istio.io/dry-run", Status.ALPHA, false, "AuthorizationPolicy"),
                    entry("istio.io/reroute-virtual-interfaces", Status.ALPHA, false, "Pod"),
                    entry("istio.io/rev", Status.ALPHA, false, "Pod"),
                    entry(
                            "istio.io/use-waypoint-canary-weight",
                            Status.ALPHA,
                            false,
                            "Service",
                            "ServiceEntry",
                            "Namespace"),
                    entry("istio.io/workloadController", Status.ALPHA, false, "WorkloadEntry"),
                    entry("kubernetes.io/ingress.class", Status.STABLE, false, "Ingress"),
                    entry("networking.istio.io/exportTo", Status.ALPHA, false, "Service"),
                    entry("networking.istio.io/service-type", Status.ALPHA, false, "Gateway"),
                    entry(
                            "networking.istio.io/traffic-distribution",
                            Status.ALPHA,
                            false,
                            "Namespace",
                            "Service",
                            "ServiceEntry"),
                    entry("prometheus.istio.io/merge-metrics", Status.ALPHA, false, "Pod"),
                    entry("proxy.istio.io/config", Status.BETA, false, "Pod"),
                    entry("proxy.istio.io/overrides", Status.ALPHA, false, "Pod"),
                    entry("readiness.status.sidecar.istio.io/applicationPorts", Status.ALPHA, false, "Pod"),
                    entry("readiness.status.sidecar.istio.io/failureThreshold", Status.ALPHA, false, "Pod"),
                    entry("readiness.status.sidecar.istio.io/initialDelaySeconds", Status.ALPHA, false, "Pod"),
                    entry("readiness.status.sidecar.istio.io/periodSeconds", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/agentLogLevel", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/bootstrapOverride", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/componentLogLevel", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/discoveryAddress", Status.ALPHA, true, "Pod"),
                    entry("sidecar.istio.io/extraStatTags", Status.ALPHA, true, "Pod"),
                    entry("sidecar.istio.io/inject", Status.BETA, true, "Pod"),
                    entry("sidecar.istio.io/interceptionMode", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/logLevel", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/nativeSidecar", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/proxyCPU", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/proxyCPULimit", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/proxyImage", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/proxyImageType", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/proxyMemory", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/proxyMemoryLimit", Status.UNSPECIFIED, false, "Pod"),
                    entry("sidecar.istio.io/rewriteAppHTTPProbers", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/statsCompression", Status.ALPHA, true, "Pod"),
                    entry("sidecar.istio.io/statsEvictionInterval", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/statsFlushInterval", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/statsHistogramBins", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/statsHistogramBuckets", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/statsInclusionPrefixes", Status.ALPHA, true, "Pod"),
                    entry("sidecar.istio.io/statsInclusionRegexps", Status.ALPHA, true, "Pod"),
                    entry("sidecar.istio.io/statsInclusionSuffixes", Status.ALPHA, true, "Pod"),
                    entry("sidecar.istio.io/status", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/userVolume", Status.ALPHA, false, "Pod"),
                    entry("sidecar.istio.io/userVolumeMount", Status.UNSPECIFIED, false, "Pod"),
                    entry("status.sidecar.istio.io/port", Status.ALPHA, false, "Pod"),
                    entry("topology.istio.io/controlPlaneClusters", Status.ALPHA, false, "Namespace"),
                    entry("traffic.istio.io/nodeSelector", Status.STABLE, false, "Service"),
                    entry("traffic.sidecar.istio.io/excludeInboundPorts", Status.ALPHA, false, "Pod"),
                    entry("traffic.sidecar.istio.io/excludeInterfaces", Status.ALPHA, false, "Pod"),
                    entry("traffic.sidecar.istio.io/excludeOutboundIPRanges", Status.ALPHA, false, "Pod"),
                    entry("traffic.sidecar.istio.io/excludeOutboundPorts", Status.ALPHA, false, "Pod"),
                    entry("traffic.sidecar.istio.io/includeInboundPorts", Status.UNSPECIFIED, false, "Pod"),
                    entry("traffic.sidecar.istio.io/includeOutboundIPRanges", Status.ALPHA, false, "Pod"),
                    entry("traffic.sidecar.istio.io/includeOutboundPorts", Status.ALPHA, false, "Pod"),
                    entry("traffic.sidecar.istio.io/kubevirtInterfaces", Status.ALPHA, true, "Pod"))
            .collect(Collectors.toUnmodifiableMap(Definition::name, d -> d));

    private IstioAnnotations() {}

    private static Definition entry(String name, Status status, boolean deprecated, String... kinds) {
        return new Definition(name, status, deprecated, List.of(kinds));
    }

    /** The definition of an annotation, if Istio has one by that name. */
    static Optional<Definition> find(String name) {
        return Optional.ofNullable(CATALOGUE.get(name));
    }

    /**
     * Whether the annotation is in an Istio domain (its prefix ends with istio.io), or the Kubernetes ingress class
     * annotation that Istio documents.
     */
    static boolean isIstios(String name) {
        int slash = name.indexOf('/');
        String prefix = slash < 0 ? name : name.substring(0, slash);
        return slash > 0 && prefix.endsWith("istio.io") || name.equals("kubernetes.io/ingress.class");
    }
}
