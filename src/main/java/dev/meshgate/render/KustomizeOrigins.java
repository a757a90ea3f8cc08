package dev.meshgate.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshgate.manifest.FieldPositions;
import dev.meshgate.manifest.JsonPointer;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Origin;
import dev.meshgate.manifest.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps each field of a resource kustomize rendered back to where it was written: the same field in the resource's
 * source file (from kustomize's {@code config.kubernetes.io/origin} annotation) when the value is unchanged, else the
 * same field in a patch of the resource, else the kustomization that transformed it. The annotations are removed
 * before analysis.
 */
final class KustomizeOrigins {

    static final String ORIGIN = "config.kubernetes.io/origin";
    private static final List<String> ADDED_ANNOTATIONS = List.of(ORIGIN, "alpha.config.kubernetes.io/transformations");

    private final Path root;
    private final Path buildFolder;
    private final String kustomizationFile;
    private final ManifestLoader loader;
    private final Patches patches;
    private final Map<Path, List<Resource>> sources = new HashMap<>();

    /**
     * @param buildFolder the folder kustomize built, to which origin paths are relative
     * @param kustomizationFile the application's kustomization, relative to the root: the fallback origin
     */
    KustomizeOrigins(
            Path root, Path buildFolder, String kustomizationFile, ManifestLoader loader, List<PatchFile> patchFiles) {
        this.root = root;
        this.buildFolder = buildFolder;
        this.kustomizationFile = kustomizationFile;
        this.loader = loader;
        this.patches = new Patches(root, loader, patchFiles);
    }

    Resource remap(Resource rendered) {
        Optional<Path> sourceFile = sourceFile(rendered);
        strip(rendered.body());
        Optional<Resource> source = sourceFile.flatMap(file -> match(rendered, load(file)));
        List<Patches.Patch> itsPatches = source.map(found ->
                        patches.of(rendered.kind().kind(), rendered.namespace(), found.name(), rendered.name()))
                .orElse(List.of());
        String file = source.map(found -> found.positions().file()).orElse(kustomizationFile);
        FieldPositions positions = new FieldPositions(file);
        walk(
                rendered.body(),
                "",
                (pointer, value) -> positions.put(pointer, originOf(pointer, value, source, itsPatches)));
        return new Resource(
                rendered.apiVersion(),
                rendered.kind().kind(),
                rendered.name(),
                rendered.namespace(),
                rendered.namespaceWritten(),
                rendered.body(),
                positions);
    }

    private Origin originOf(String pointer, JsonNode value, Optional<Resource> source, List<Patches.Patch> itsPatches) {
        if (source.isPresent()
                && source.get().positions().has(pointer)
                && source.get().at(pointer).equals(value)) {
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
        if (!itsPatches.isEmpty()
                && source.isPresent()
                && !source.get().at(pointer).equals(value)) {
            return itsPatches.get(itsPatches.size() - 1).whole();
        }
        return source.map(found -> found.origin(pointer)).orElse(Origin.of(kustomizationFile));
    }

    private Optional<Path> sourceFile(Resource rendered) {
        String origin = rendered.annotations().get(ORIGIN);
        if (origin == null) {
            return Optional.empty();
        }
        for (String line : origin.split("\n")) {
            if (line.startsWith("path:")) {
                Path file = buildFolder
                        .resolve(line.substring("path:".length()).strip())
                        .normalize();
                return file.startsWith(root) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The source document of a rendered resource: same kind, and the same name or the name before a prefix or suffix. */
    private static Optional<Resource> match(Resource rendered, List<Resource> candidates) {
        Resource best = null;
        for (Resource candidate : candidates) {
            if (!candidate.kind().equals(rendered.kind())) {
                continue;
            }
            if (candidate.name().equals(rendered.name())) {
                return Optional.of(candidate);
            }
            if (rendered.name().contains(candidate.name())
                    && (best == null || candidate.name().length() > best.name().length())) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private List<Resource> load(Path file) {
        return sources.computeIfAbsent(file, path -> {
            try {
                String name = root.relativize(path).toString().replace('\\', '/');
                return loader.loadText(name, Files.readString(path)).resources();
            } catch (IOException e) {
                return List.of();
            }
        });
    }

    private static void strip(JsonNode body) {
        JsonNode annotations = body.path("metadata").path("annotations");
        if (annotations instanceof ObjectNode object) {
            ADDED_ANNOTATIONS.forEach(object::remove);
            if (object.isEmpty()) {
                ((ObjectNode) body.path("metadata")).remove("annotations");
            }
        }
    }

    private interface FieldVisitor {
        void visit(String pointer, JsonNode value);
    }

    private static void walk(JsonNode node, String pointer, FieldVisitor visitor) {
        visitor.visit(pointer, node);
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(field.getValue(), JsonPointer.child(pointer, field.getKey()), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), JsonPointer.child(pointer, i), visitor);
            }
        }
    }
}
