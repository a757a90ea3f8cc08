package dev.meshgate.analysis.rules.virtualservice;

import dev.meshgate.analysis.Context;
import dev.meshgate.manifest.Resource;

/**
 * Whether the input leaves a resource's namespace to whoever applies it: none written, none set by its kustomization,
 * chart or GitOps destination, so it sits in the default namespace only until {@code kubectl apply -n} says otherwise.
 */
final class Unplaced {

    private Unplaced() {}

    static boolean is(Context context, Resource resource) {
        return !resource.namespaceWritten()
                && resource.namespace().equals(context.settings().defaultNamespace());
    }
}
