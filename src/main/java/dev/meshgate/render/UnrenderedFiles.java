package dev.meshgate.render;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Resource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a kustomization that could not be rendered (a remote base refused, a kustomize error) declares in its local
 * files, read as plain YAML: not analysed, since kustomize never built it, but evidence that a reference into it may
 * resolve once it is. The namespace is the one the outermost kustomization sets, else the one next to the file.
 */
public final class UnrenderedFiles {

    private UnrenderedFiles() {}

    /** The resources the application's local files declare; none for charts and unreadable kustomizations. */
    public static List<Resource> of(Path repository, Source source, String defaultNamespace) {
        if (source.type() != SourceType.KUSTOMIZE) {
            return List.of();
        }
        Path root = repository.toAbsolutePath().normalize();
        ManifestLoader reader = new ManifestLoader(LoadLimits.defaults(), defaultNamespace);
        Kustomization tree;
        try {
            tree = Kustomization.read(root, root.resolve(source.path()), reader);
        } catch (RenderException e) {
            return List.of();
        }
        List<Kustomization.ResourceFiles> parts = tree.resourceFiles();
        String outermost = parts.isEmpty() ? "" : parts.get(parts.size() - 1).namespace();
        List<Resource> resources = new ArrayList<>();
        for (Kustomization.ResourceFiles part : parts) {
            String namespace = !outermost.isEmpty()
                    ? outermost
                    : (part.namespace().isEmpty() ? defaultNamespace : part.namespace());
            resources.addAll(new ManifestLoader(LoadLimits.defaults(), namespace)
                    .loadFiles(root, part.files())
                    .resources());
        }
        return resources;
    }
}
