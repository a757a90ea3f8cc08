package dev.meshgate.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.manifest.ManifestLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a kustomization and the local kustomizations it pulls in refer to: remote bases (refused unless allowed) and
 * patch files (where a changed field may come from). Read before kustomize runs, so that nothing is fetched.
 */
final class Kustomization {

    static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private final Path root;
    private final ManifestLoader loader;
    private final Map<Path, ManifestLoader.YamlTree> parsed;
    private final Set<Path> visited = new LinkedHashSet<>();
    private final List<String> remote = new ArrayList<>();
    private final List<PatchFile> patches = new ArrayList<>();
    private final Set<Path> components = new LinkedHashSet<>();
    private final List<ResourceFiles> resourceFiles = new ArrayList<>();
    private String kind;
    private JsonNode sortOptions;

    private Kustomization(Path root, ManifestLoader loader, Map<Path, ManifestLoader.YamlTree> parsed) {
        this.root = root;
        this.loader = loader;
        this.parsed = parsed;
    }

    /** Reads the kustomization in the folder and, recursively, the local ones it refers to. */
    static Kustomization read(Path root, Path folder, ManifestLoader loader) throws RenderException {
        return read(root, folder, loader, new HashMap<>());
    }

    /**
     * Reads the kustomization as {@link #read(Path, Path, ManifestLoader)} does, taking the files earlier reads of the
     * same tree parsed from {@code parsed} and adding those it parses. Discovery reads every kustomization of a
     * repository with its bases, and one base is the base of many: kubeflow/manifests' 233 kustomization files were
     * parsed 1,019 times.
     */
    static Kustomization read(Path root, Path folder, ManifestLoader loader, Map<Path, ManifestLoader.YamlTree> parsed)
            throws RenderException {
        Kustomization tree = new Kustomization(root, loader, parsed);
        tree.visit(folder);
        return tree;
    }

    static Path fileIn(Path folder) {
        return FILE_NAMES.stream()
                .map(folder::resolve)
                .filter(Files::isRegularFile)
                .findFirst()
                .orElse(null);
    }

    /** References to bases outside the repository (URLs, git repositories). */
    List<String> remoteReferences() {
        return List.copyOf(remote);
    }

    /** Every folder of the tree, the first being the one read. */
    List<Path> localFolders() {
        return List.copyOf(visited);
    }

    /**
     * Whether the folder read is a kustomize {@code Component}: kustomize refuses to build one on its own, it only
     * exists through the kustomizations that include it.
     */
    boolean isComponent() {
        return "Component".equals(kind);
    }

    /**
     * The {@code sortOptions} of the kustomization read, if it sets them: kustomize honours them only in the
     * kustomization it builds, so a wrapper over the folder carries them.
     */
    Optional<JsonNode> sortOptions() {
        return Optional.ofNullable(sortOptions);
    }

    /** The folders of the tree that are Components (pulled in by {@code components:}). */
    Set<Path> componentFolders() {
        return Set.copyOf(components);
    }

    /** The resource files one kustomization of the tree lists, and the namespace it sets ("" when none). */
    record ResourceFiles(List<Path> files, String namespace) {}

    /** The local resource files of every kustomization in the tree, the one read last. */
    List<ResourceFiles> resourceFiles() {
        return List.copyOf(resourceFiles);
    }

    /** The local resource files of the whole tree, each once: a base's before those of the kustomization naming it. */
    List<Path> allResourceFiles() {
        Set<Path> files = new LinkedHashSet<>();
        resourceFiles.forEach(part -> files.addAll(part.files()));
        return List.copyOf(files);
    }

    /** The patch files of every kustomization in the tree, as absolute paths. */
    List<PatchFile> patchFiles() {
        return List.copyOf(patches);
    }

    private void visit(Path folder) throws RenderException {
        Path normalised = folder.normalize();
        if (!visited.add(normalised)) {
            return;
        }
        Path file = fileIn(normalised);
        if (file == null) {
            return; // a plain folder of resources, not a kustomization
        }
        JsonNode kustomization = parse(file);
        if (kind == null) {
            kind = kustomization.path("kind").asText("Kustomization");
            sortOptions = kustomization.get("sortOptions");
        }
        if (kustomization.path("kind").asText("").equals("Component")) {
            components.add(normalised);
        }
        List<Path> files = new ArrayList<>();
        for (String field : List.of("resources", "bases", "components")) {
            for (JsonNode entry : kustomization.path(field)) {
                String reference = entry.asText();
                Path target = normalised.resolve(reference).normalize();
                if (isRemote(reference)) {
                    remote.add(reference + " (in " + root.relativize(file) + ")");
                } else if (Files.isDirectory(target)) {
                    visit(target);
                } else if (target.startsWith(root) && Files.isRegularFile(target)) {
                    files.add(target);
                }
            }
        }
        resourceFiles.add(
                new ResourceFiles(files, kustomization.path("namespace").asText("")));
        for (String field : List.of("patches", "patchesJson6902")) {
            for (JsonNode patch : kustomization.path(field)) {
                addPatch(normalised, patch.path("path").asText(""), PatchFile.Target.of(patch));
            }
        }
        for (JsonNode patch : kustomization.path("patchesStrategicMerge")) {
            if (patch.isTextual() && !patch.asText().contains("\n")) {
                addPatch(normalised, patch.asText(), null);
            }
        }
    }

    private void addPatch(Path folder, String reference, PatchFile.Target target) {
        Path patch = folder.resolve(reference).normalize();
        if (!reference.isEmpty() && patch.startsWith(root) && Files.isRegularFile(patch)) {
            patches.add(new PatchFile(patch, target));
        }
    }

    private JsonNode parse(Path file) throws RenderException {
        String name = root.relativize(file).toString();
        try {
            ManifestLoader.YamlTree tree = parsed.get(file);
            if (tree == null) {
                tree = loader.readDocument(name, Files.readString(file));
                parsed.put(file, tree);
            }
            if (tree.problem() != null) {
                throw new RenderException(name + ": " + tree.problem().detail());
            }
            return tree.tree();
        } catch (IOException e) {
            throw new RenderException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Kustomize's remote forms: URLs, scp-like git addresses, and host/org/repo paths with a ref. */
    static boolean isRemote(String reference) {
        String text = reference.toLowerCase(Locale.ROOT);
        return text.contains("://")
                || text.startsWith("git@")
                || text.startsWith("github.com/")
                || text.startsWith("gitlab.com/")
                || text.startsWith("bitbucket.org/")
                || text.contains("?ref=")
                || text.contains(".git//");
    }
}
