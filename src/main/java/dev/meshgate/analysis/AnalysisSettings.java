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
 */
public record AnalysisSettings(
        String clusterDomain,
        String rootNamespace,
        String defaultNamespace,
        List<String> knownHosts,
        int regexMatchLimit) {

    public static AnalysisSettings defaults() {
        return new AnalysisSettings("cluster.local", "istio-system", "default", List.of(), 10);
    }

    public AnalysisSettings withDefaultNamespace(String namespace) {
        return new AnalysisSettings(clusterDomain, rootNamespace, namespace, knownHosts, regexMatchLimit);
    }
}
