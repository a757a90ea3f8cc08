package dev.meshgate.render;

/** How an application's manifests are produced, as Argo CD and Flux tell them apart. */
public enum SourceType {
    /** Plain YAML and JSON files, like Argo CD's directory source. */
    DIRECTORY,
    /** A folder with a kustomization.yaml, built with kustomize. */
    KUSTOMIZE,
    /** A folder with a Chart.yaml, rendered with Helm. */
    HELM
}
