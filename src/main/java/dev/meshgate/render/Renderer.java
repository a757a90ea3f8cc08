package dev.meshgate.render;

import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import java.nio.file.Path;

/**
 * Turns one source into the resources Argo CD or Flux would apply, each with the origin of its fields in the
 * repository. One implementation per source type, so that a native build can swap in a binary-based one.
 */
public interface Renderer {

    SourceType type();

    /**
     * @param root the repository's checked-out tree; origins are relative to it
     * @param loader reads manifests with the application's namespace default and meshgate's safety limits
     */
    LoadResult render(Path root, Source source, ManifestLoader loader) throws RenderException;
}
