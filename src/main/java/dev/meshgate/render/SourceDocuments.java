package dev.meshgate.render;

import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resource files of kustomize builds, where rendered resources' source documents are, parsed once per run and
 * shared by the applications that build on the same bases (seven overlays of one Istio install read its CRDs seven
 * times). Kept up to a budget of source bytes, least recently used out; a file whose size or modification time changed
 * is parsed again. Documents are matched by kind, name and the namespace written in them, so the namespace default of
 * whichever application parsed a file first does not matter; they are only read, never changed.
 */
final class SourceDocuments {

    private final long maxBytes;
    private final Map<Path, Parsed> parsed = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    private record Parsed(List<Resource> resources, long bytes, long size, FileTime modified) {}

    SourceDocuments(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The resources of a file of the repository, none when it cannot be read. */
    List<Resource> load(Path root, Path file, ManifestLoader loader) {
        long size;
        FileTime modified;
        String text;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file);
            synchronized (this) {
                Parsed known = parsed.get(file);
                if (known != null && known.size() == size && known.modified().equals(modified)) {
                    return known.resources();
                }
            }
            text = Files.readString(file);
        } catch (IOException e) {
            return List.of();
        }
        String name = root.relativize(file).toString().replace('\\', '/');
        List<Resource> resources = loader.loadText(name, text).resources();
        keep(file, new Parsed(resources, text.length(), size, modified));
        return resources;
    }

    private synchronized void keep(Path file, Parsed document) {
        if (document.bytes() > maxBytes) {
            return;
        }
        Parsed replaced = parsed.put(file, document);
        bytes += document.bytes() - (replaced == null ? 0 : replaced.bytes());
        var eldest = parsed.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().bytes();
            eldest.remove();
        }
    }
}
