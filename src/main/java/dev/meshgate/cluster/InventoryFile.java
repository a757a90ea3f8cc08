package dev.meshgate.cluster;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An inventory exported once from a cluster ({@code meshgate inventory}), read instead of the live cluster by users
 * who will not give the gate cluster credentials.
 */
public final class InventoryFile implements ClusterView {

    private final Path file;

    public InventoryFile(Path file) {
        this.file = file;
    }

    @Override
    public List<Resource> resources() throws ClusterUnavailableException {
        if (!Files.isRegularFile(file)) {
            throw new ClusterUnavailableException(describe() + " does not exist", null);
        }
        LoadResult loaded = new ManifestLoader(LoadLimits.defaults().withMaxFileBytes(256L * 1024 * 1024), "default")
                .loadFiles(file.toAbsolutePath().getParent(), List.of(file.toAbsolutePath()));
        if (!loaded.problems().isEmpty()) {
            throw new ClusterUnavailableException(
                    describe() + " cannot be read: " + loaded.problems().get(0).origin() + " "
                            + loaded.problems().get(0).detail(),
                    null);
        }
        return loaded.resources();
    }

    @Override
    public String describe() {
        return "the inventory " + file.getFileName();
    }
}
