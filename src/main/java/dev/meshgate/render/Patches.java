package dev.meshgate.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.manifest.FieldPositions;
import dev.meshgate.manifest.JsonPointer;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Origin;
import dev.meshgate.manifest.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The patches of a kustomization, read with their positions, so that a field a patch set points at the patch's line:
 * strategic merge patches (a resource document per patch, picked by its own kind and name or by the entry's target)
 * and JSON 6902 patches (a list of operations, picked by the entry's target; an {@code add} or {@code replace} sets
 * the value at its path).
 */
final class Patches {

    /** One patch that may have set fields of a resource: where it sets them, by the resource's JSON pointers. */
    interface Patch {

        /** Whether the patch applies to a resource of this kind, namespace and names (rendered and source). */
        boolean picks(String kind, String namespace, String... names);

        /** Where the patch writes the field, or null when it does not write it. */
        Origin originOf(String pointer);

        /** The patch as a whole, for a changed field whose own line the patch does not show. */
        Origin whole();
    }

    private final List<Patch> patches = new ArrayList<>();

    Patches(Path root, ManifestLoader loader, List<PatchFile> files) {
        for (PatchFile file : files) {
            read(root, loader, file);
        }
    }

    /** The patches that apply to the resource, in the order kustomize applies them (the last one wins). */
    List<Patch> of(String kind, String namespace, String... names) {
        return patches.stream()
                .filter(patch -> patch.picks(kind, namespace, names))
                .toList();
    }

    private void read(Path root, ManifestLoader loader, PatchFile file) {
        String name = root.relativize(file.file()).toString().replace('\\', '/');
        String text;
        try {
            text = Files.readString(file.file());
        } catch (IOException e) {
            return; // kustomize reports an unreadable patch itself
        }
        List<Resource> documents = loader.loadText(name, text).resources();
        if (!documents.isEmpty()) {
            documents.forEach(document -> patches.add(new StrategicMerge(document, file.target())));
            return;
        }
        ManifestLoader.YamlTree tree = loader.readDocument(name, text);
        if (file.target() != null && tree.problem() == null && tree.tree().isArray()) {
            for (int i = 0; i < tree.tree().size(); i++) {
                JsonNode operation = tree.tree().get(i);
                String op = operation.path("op").asText("");
                String path = operation.path("path").asText("");
                if ((op.equals("add") || op.equals("replace")) && path.startsWith("/") && !path.endsWith("/-")) {
                    patches.add(new Operation(file.target(), path, tree.positions(), "/" + i));
                }
            }
        }
    }

    /** A strategic merge patch: a partial copy of the resource, whose fields sit where the resource's do. */
    private record StrategicMerge(Resource document, PatchFile.Target target) implements Patch {

        @Override
        public boolean picks(String kind, String namespace, String... names) {
            if (target != null) {
                return target.picks(kind, namespace, names);
            }
            if (!document.kind().kind().equals(kind)) {
                return false;
            }
            for (String name : names) {
                if (document.name().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Origin originOf(String pointer) {
            return document.positions().has(pointer) ? document.origin(pointer) : null;
        }

        @Override
        public Origin whole() {
            return document.origin("");
        }
    }

    /** One JSON 6902 operation that sets the value at its path: the fields under that path sit under its value. */
    private record Operation(PatchFile.Target target, String path, FieldPositions positions, String operation)
            implements Patch {

        @Override
        public boolean picks(String kind, String namespace, String... names) {
            return target.picks(kind, namespace, names);
        }

        @Override
        public Origin originOf(String pointer) {
            if (!pointer.equals(path) && !pointer.startsWith(path + "/")) {
                return null;
            }
            String inValue = JsonPointer.child(operation, "value") + pointer.substring(path.length());
            return positions.origin(inValue);
        }

        @Override
        public Origin whole() {
            return positions.origin(operation);
        }
    }
}
