package dev.meshgate.render;

import java.util.Map;

/**
 * What an Argo CD Application ({@code spec.source.kustomize}) or a Flux Kustomization ({@code targetNamespace},
 * {@code namePrefix}, {@code nameSuffix}) adds on top of the repository's kustomization; each is null when not set.
 *
 * @param namespace the namespace every namespaced object is moved to
 * @param commonLabels labels added to every object (and selectors, as kustomize does)
 */
public record KustomizeOptions(
        String namePrefix, String nameSuffix, String namespace, Map<String, String> commonLabels) {

    public static final KustomizeOptions NONE = new KustomizeOptions(null, null, null, Map.of());

    public KustomizeOptions {
        commonLabels = commonLabels == null ? Map.of() : Map.copyOf(commonLabels);
    }

    boolean isEmpty() {
        return namePrefix == null && nameSuffix == null && namespace == null && commonLabels.isEmpty();
    }
}
