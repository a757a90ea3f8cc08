package dev.meshgate.analysis;

import java.util.List;

/**
 * What the analysis needs to know about the target mesh and cluster.
 *
 * @param clusterDomain the Kubernetes cluster domain short names resolve under ("cluster.local")
 * @param rootNamespace Istio's root (config) namespace, where mesh-wide policies live ("istio-system")
 * @param defaultNamespace the namespace of resources that do not name one
 * @param knownHosts hosts that exist outside the analysed input (other repositories, the live cluster); wildcards allowed
 * @param regexMatchLimit how many regular-expression matches a VirtualService may have before it is flagged
 * @param wholeMesh whether the input is the whole mesh, as {@code istioctl analyze} takes its files: a reference it
 *     does not resolve is missing, never only unverified
 */
public record AnalysisSettings(
        String clusterDomain,
        String rootNamespace,
        String defaultNamespace,
        List<String> knownHosts,
        int regexMatchLimit,
        boolean wholeMesh) {

    /** Settings for input that is part of a mesh (the default). */
    public AnalysisSettings(
            String clusterDomain,
            String rootNamespace,
            String defaultNamespace,
            List<String> knownHosts,
            int regexMatchLimit) {
        this(clusterDomain, rootNamespace, defaultNamespace, knownHosts, regexMatchLimit, false);
    }

    public static AnalysisSettings defaults() {
        return new AnalysisSettings("cluster.local", "istio-system", "default", List.of(), 10);
    }

    public AnalysisSettings withDefaultNamespace(String namespace) {
        return new AnalysisSettings(clusterDomain, rootNamespace, namespace, knownHosts, regexMatchLimit, wholeMesh);
    }

    public AnalysisSettings asWholeMesh(boolean whole) {
        return new AnalysisSettings(clusterDomain, rootNamespace, defaultNamespace, knownHosts, regexMatchLimit, whole);
    }
}
