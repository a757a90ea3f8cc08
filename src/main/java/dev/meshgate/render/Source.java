package dev.meshgate.render;

import java.util.List;
import java.util.Objects;

/**
 * One application to render and analyse on its own.
 *
 * @param name how findings name it: the Argo CD Application's or Flux object's name, else its path
 * @param type how it is rendered
 * @param path its folder relative to the repository root ("" for the root)
 * @param namespace the namespace its namespaced resources default to, or null for "default"
 * @param recurse whether a directory source reads sub-folders (Argo CD's {@code directory.recurse})
 * @param include glob patterns of files a directory source reads ({@code directory.include}); empty for all
 * @param exclude glob patterns of files a directory source skips ({@code directory.exclude})
 * @param valueFiles Helm values files, relative to the chart folder
 * @param values inline Helm values as YAML, or null
 * @param declaredBy the manifest that declared the application (e.g. "Application argocd/shop in apps/shop.yaml"), or
 *     null when found by looking at the tree
 * @param kustomize what the declaring Application or Flux Kustomization adds to a kustomize build
 * @param cluster the cluster the application is applied to, as far as the repository says (an Argo CD destination, a
 *     Flux cluster folder), or null for the one cluster; applications of different clusters are analysed apart
 */
public record Source(
        String name,
        SourceType type,
        String path,
        String namespace,
        boolean recurse,
        List<String> include,
        List<String> exclude,
        List<String> valueFiles,
        String values,
        String declaredBy,
        KustomizeOptions kustomize,
        String cluster) {

    public Source {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        path = normalise(path);
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        valueFiles = valueFiles == null ? List.of() : List.copyOf(valueFiles);
        kustomize = kustomize == null ? KustomizeOptions.NONE : kustomize;
    }

    /** A source of the one cluster. */
    public Source(
            String name,
            SourceType type,
            String path,
            String namespace,
            boolean recurse,
            List<String> include,
            List<String> exclude,
            List<String> valueFiles,
            String values,
            String declaredBy,
            KustomizeOptions kustomize) {
        this(name, type, path, namespace, recurse, include, exclude, valueFiles, values, declaredBy, kustomize, null);
    }

    /** A copy applied to the named cluster. */
    public Source inCluster(String clusterName) {
        return new Source(
                name,
                type,
                path,
                namespace,
                recurse,
                include,
                exclude,
                valueFiles,
                values,
                declaredBy,
                kustomize,
                clusterName);
    }

    /** A source found by looking at the tree, with no settings of its own. */
    public static Source of(SourceType type, String path) {
        String normalised = normalise(path);
        return new Source(
                normalised.isEmpty() ? "." : normalised,
                type,
                normalised,
                null,
                true,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static String normalise(String path) {
        String text = path == null ? "" : path.replace('\\', '/').strip();
        while (text.startsWith("./")) {
            text = text.substring(2);
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.equals(".") ? "" : text;
    }

    /** One line for people: the application's name, how it is rendered, from where, and who declared it. */
    public String describe() {
        return name + " (" + type.label() + " " + (path.isEmpty() ? "." : path)
                + (declaredBy == null ? "" : ", " + declaredBy) + ")";
    }
}
