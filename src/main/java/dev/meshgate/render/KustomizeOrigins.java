package dev.meshgate.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.manifest.FieldPositions;
import dev.meshgate.manifest.JsonPointer;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Origin;
import dev.meshgate.manifest.Resource;
import dev.meshgate.manifest.ResourceKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps each field of a resource kustomize rendered back to where it was written: the same field in the resource's
 * source document (the document of the build's resource files with its kind and its name, or the name before a prefix
 * or suffix) when the value is unchanged, else the same field in a patch of the resource, else the kustomization that
 * transformed it. The source is found without kustomize's origin annotations, which cost kustomize CPU and which it
 * loses when a patch replaces a resource's annotations.
 */
final class KustomizeOrigins {

    private final Path root;
    private final List<Path> resourceFiles;
    private final String kustomizationFile;
    private final ManifestLoader loader;
    private final Patches patches;
    private final SourceDocuments sources;

    private Map<ResourceKind, List<Resource>> sourcesByKind;

    /**
     * @param resourceFiles the resource files the build reads, bases' first (of equal matches the first wins)
     * @param kustomizationFile the application's kustomization, relative to the root: the fallback origin
     * @param sources the run's parsed source files
     */
    KustomizeOrigins(
            Path root,
            List<Path> resourceFiles,
            String kustomizationFile,
            ManifestLoader loader,
            List<PatchFile> patchFiles,
            SourceDocuments sources) {
        this.root = root;
        this.sources = sources;
        this.resourceFiles = resourceFiles;
        this.kustomizationFile = kustomizationFile;
        this.loader = loader;
        this.patches = new Patches(root, loader, patchFiles);
    }

    Resource remap(Resource rendered) {
        Optional<Resource> source = source(rendered);
        List<Patches.Patch> itsPatches = source.map(found ->
                        patches.of(rendered.kind().kind(), rendered.namespace(), found.name(), rendered.name()))
                .orElse(List.of());
        String file = source.map(found -> found.positions().file()).orElse(kustomizationFile);
        FieldPositions positions = new FieldPositions(file);
        new FieldWalk(positions, source, itsPatches)
                .walk(rendered.body(), source.map(Resource::body).orElse(null), "");
        return new Resource(
                rendered.apiVersion(),
                rendered.kind().kind(),
                rendered.name(),
                rendered.namespace(),
                rendered.namespaceWritten(),
                rendered.body(),
                positions);
    }

    /**
     * Walks a rendered resource beside its source document, so that each field's counterpart is at hand and whether
     * a subtree is unchanged is known from its children: no look-up by pointer and no deep comparison per field,
     * which for large objects (CRD schemas) cost more than kustomize's own build.
     */
    private final class FieldWalk {

        private final FieldPositions positions;
        private final Optional<Resource> source;
        private final List<Patches.Patch> itsPatches;

        FieldWalk(FieldPositions positions, Optional<Resource> source, List<Patches.Patch> itsPatches) {
            this.positions = positions;
            this.source = source;
            this.itsPatches = itsPatches;
        }

        /**
         * Records the origin of the node and of every field below it.
         *
         * @param counterpart the source's node at the same pointer, null when it has none
         * @return whether the node equals its counterpart
         */
        boolean walk(JsonNode node, JsonNode counterpart, String pointer) {
            boolean equal;
            if (node.isObject()) {
                equal = counterpart != null && counterpart.isObject() && counterpart.size() == node.size();
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    JsonNode below = byKey(counterpart, field.getKey());
                    equal &= walk(field.getValue(), below, JsonPointer.child(pointer, field.getKey()));
                }
            } else if (node.isArray()) {
                equal = counterpart != null && counterpart.isArray() && counterpart.size() == node.size();
                for (int i = 0; i < node.size(); i++) {
                    JsonNode below = byIndex(counterpart, i);
                    equal &= walk(node.get(i), below, JsonPointer.child(pointer, i));
                }
            } else {
                equal = counterpart != null && counterpart.equals(node);
            }
            // Recorded after the fields below: the entry of this node was made before theirs all the same.
            positions.put(pointer, originOf(pointer, equal, source, itsPatches));
            return equal;
        }
    }

    /** The child a JSON pointer segment names, as Jackson resolves it: a key of an object, an index of a list. */
    private static JsonNode byKey(JsonNode node, String key) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            return node.get(key);
        }
        int index = node.isArray() ? index(key) : -1;
        return index >= 0 ? node.get(index) : null;
    }

    private static JsonNode byIndex(JsonNode node, int index) {
        if (node == null) {
            return null;
        }
        return node.isArray() ? node.get(index) : node.isObject() ? node.get(Integer.toString(index)) : null;
    }

    /** The list index a pointer segment spells (digits, no leading zero, an int), else -1. */
    private static int index(String segment) {
        int length = segment.length();
        if (length == 0 || length > 10 || (segment.charAt(0) == '0' && length > 1)) {
            return -1;
        }
        for (int i = 0; i < length; i++) {
            char digit = segment.charAt(i);
            if (digit < '0' || digit > '9') {
                return -1;
            }
        }
        long value = Long.parseLong(segment);
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    /** @param unchanged whether the rendered value equals the source's value at the same pointer */
    private Origin originOf(
            String pointer, boolean unchanged, Optional<Resource> source, List<Patches.Patch> itsPatches) {
        if (source.isPresent() && unchanged && source.get().positions().has(pointer)) {
            return source.get().origin(pointer);
        }
        if (pointer.equals("/metadata/name") || pointer.equals("/metadata/namespace")) {
            return Origin.of(kustomizationFile); // a name prefix or namespace set by the kustomization
        }
        for (int i = itsPatches.size() - 1; i >= 0; i--) {
            Origin patched = itsPatches.get(i).originOf(pointer);
            if (patched != null) {
                return patched;
            }
        }
        if (!itsPatches.isEmpty() && source.isPresent() && !unchanged) {
            return itsPatches.get(itsPatches.size() - 1).whole();
        }
        return source.map(found -> found.origin(pointer)).orElse(Origin.of(kustomizationFile));
    }

    /**
     * The source document of a rendered resource: the first of its kind with its name (of those, the first written in
     * its namespace), else the one with the longest name within the rendered name (a name prefix or suffix).
     */
    private Optional<Resource> source(Resource rendered) {
        Resource named = null;
        Resource within = null;
        for (Resource candidate : sourcesByKind().getOrDefault(rendered.kind(), List.of())) {
            if (candidate.name().equals(rendered.name())) {
                if (candidate.namespaceWritten() && candidate.namespace().equals(rendered.namespace())) {
                    return Optional.of(candidate);
                }
                named = named == null ? candidate : named;
            } else if (rendered.name().contains(candidate.name())
                    && (within == null
                            || candidate.name().length() > within.name().length())) {
                within = candidate;
            }
        }
        return Optional.ofNullable(named != null ? named : within);
    }

    /** The documents of the build's resource files by kind, parsed on first use (the run shares them). */
    private Map<ResourceKind, List<Resource>> sourcesByKind() {
        if (sourcesByKind == null) {
            sourcesByKind = new HashMap<>();
            for (Path file : resourceFiles) {
                for (Resource document : sources.load(root, file, loader)) {
                    sourcesByKind
                            .computeIfAbsent(document.kind(), kind -> new ArrayList<>())
                            .add(document);
                }
            }
        }
        return sourcesByKind;
    }
}
