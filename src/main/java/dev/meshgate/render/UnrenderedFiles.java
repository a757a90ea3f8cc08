package dev.meshgate.render;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Resource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a kustomization that could not be rendered (a remote base refused, a kustomize error) declares in its local
 * files, read as plain YAML: not analysed, since kustomize never built it, but evidence that a reference into it may
 * resolve once it is. The namespace is the one the outermost kustomization sets, else the one next to the file. One
 * instance serves one validation: the failed applications of a repository share their bases, so each file is read
 * once per namespace it is read in, not once per application.
 */
public final class UnrenderedFiles {

    /** A file as read in one namespace: the same bytes may yield different resources in another. */
    private record Read(Path file, String namespace) {}

    private final Map<Read, List<Resource>> reads = new ConcurrentHashMap<>();

    /** The resources the application's local files declare; none for charts and unreadable kustomizations. */
    public List<Resource> of(Path repository, Source source, String defaultNamespace) {
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
            Set<Path> seen = new HashSet<>();
            for (Path file : part.files()) {
                Path absolute = file.toAbsolutePath().normalize();
                if (seen.add(absolute)) {
                    resources.addAll(reads.computeIfAbsent(new Read(absolute, namespace), read -> read(root, read)));
                }
            }
        }
        return resources;
    }

    private static List<Resource> read(Path root, Read read) {
        return new ManifestLoader(LoadLimits.defaults(), read.namespace())
                .loadFiles(root, List.of(read.file()))
                .resources();
    }
}
