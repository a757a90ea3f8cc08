package dev.meshgate.render;

/** How an application's manifests are produced, as Argo CD and Flux tell them apart. */
public enum SourceType {
    /** Plain YAML and JSON files, like Argo CD's directory source. */
    DIRECTORY,
    /** A folder with a kustomization.yaml, built with kustomize. */
    KUSTOMIZE,
    /** A folder with a Chart.yaml, rendered with Helm. */
    HELM,
    /**
     * A Flux Kustomization's folder without a kustomization.yaml: built from the kustomization Flux generates for
     * it.
     */
    FLUX_FOLDER;

    /** How people read it: "kustomize", "flux folder". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
