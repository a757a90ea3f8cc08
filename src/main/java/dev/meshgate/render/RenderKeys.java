package dev.meshgate.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.files.FileHashes;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.ManifestLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The render cache key of an application: the renderer and its version, the options, and the content hash of every
 * file its rendering reads. For kustomize that is the kustomization, and transitively every file or folder it names
 * (resources, bases, components, patches, generators' files and env files, replacements, transformer
 * configurations); for a chart its whole folder (templates, vendored dependencies) and its values files; for a plain
 * folder the manifests the directory renderer reads; for a Flux folder every file under it. What a key misses would
 * serve a stale rendering, so when in doubt a file is in.
 *
 * <p>One instance per run over one tree: kustomization look-ups are remembered for the run only, since the files may
 * change between runs; contents' hashes as long as {@link FileHashes} can tell a file did not change.
 */
final class RenderKeys {

    private static final HexFormat HEX = HexFormat.of();
    // Fields of a kustomization whose files are themselves configurations that name more files.
    private static final Set<String> CONFIGURATION_FIELDS = Set.of("generators", "transformers", "validators");

    private final Path repository;
    private final RenderLimits limits;
    private final LoadLimits loadLimits;
    private final ManifestLoader reader;
    private final FileHashes hashes;
    private final Map<Path, Set<Path>> kustomizationInputs = new ConcurrentHashMap<>();
    private final Map<Path, ManifestLoader.YamlTree> parsedByDiscovery;

    /**
     * @param hashes the contents' hashes, remembered for this run or across runs
     * @param parsedByDiscovery kustomization files discovery parsed in this run, by absolute path: read, never changed,
     *     and complete before the first key is asked for
     */
    RenderKeys(
            Path repository,
            RenderLimits limits,
            LoadLimits loadLimits,
            FileHashes hashes,
            Map<Path, ManifestLoader.YamlTree> parsedByDiscovery) {
        this.parsedByDiscovery = parsedByDiscovery;
        this.repository = repository.toAbsolutePath().normalize();
        this.hashes = hashes;
        this.limits = limits;
        this.loadLimits = loadLimits;
        this.reader = new ManifestLoader(loadLimits, "default");
    }

    /** The key, or empty when the rendering cannot be cached (its tool's version is unknown, a file is unreadable). */
    Optional<String> key(Source source, String namespace) {
        Optional<String> tool = ToolVersions.of(source.type(), limits);
        if (tool.isEmpty()) {
            return Optional.empty();
        }
        try {
            MessageDigest digest = sha256();
            update(digest, "meshgate render cache");
            update(digest, MeshgateBuild.ID);
            update(digest, tool.get());
            update(
                    digest,
                    String.join(" ", limits.kustomizeCommand()) + "|" + limits.allowRemoteBases() + "|"
                            + limits.maxOutputBytes());
            update(digest, loadLimits.toString());
            update(digest, namespace);
            update(digest, source.toString());
            for (Map.Entry<String, String> file : inputs(source).entrySet()) {
                update(digest, file.getKey());
                update(digest, file.getValue());
            }
            return Optional.of(HEX.formatHex(digest.digest()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Every file the rendering reads, relative to the repository, with its content hash, in path order. */
    Map<String, String> inputs(Source source) throws IOException {
        Path folder = repository.resolve(source.path()).normalize();
        Set<Path> files = new TreeSet<>();
        switch (source.type()) {
            case KUSTOMIZE -> files.addAll(kustomization(folder));
            case HELM -> {
                files.addAll(tree(folder));
                for (String values : source.valueFiles()) {
                    addIfFile(files, folder.resolve(values).normalize());
                }
            }
                // Only the manifests the directory renderer reads: a repository's root folder also holds its .git
                // folder, its documents and the folders its other applications render, which never change this one.
            case DIRECTORY -> files.addAll(DirectoryRenderer.files(repository, source));
            case FLUX_FOLDER -> {
                files.addAll(tree(folder));
                for (Path file : List.copyOf(files)) {
                    if (Kustomization.FILE_NAMES.contains(file.getFileName().toString())) {
                        files.addAll(kustomization(file.getParent()));
                    }
                }
            }
        }
        Map<String, String> hashed = new TreeMap<>();
        for (Path file : files) {
            hashed.put(repository.relativize(file).toString().replace('\\', '/'), hashes.sha256(file));
        }
        return hashed;
    }

    /** The kustomization in the folder and everything it names, transitively. */
    private Set<Path> kustomization(Path folder) throws IOException {
        Set<Path> known = kustomizationInputs.get(folder);
        if (known != null) {
            return known;
        }
        Set<Path> files = new TreeSet<>();
        collect(folder, files, new java.util.HashSet<>());
        Set<Path> done = Set.copyOf(files);
        kustomizationInputs.put(folder, done);
        return done;
    }

    private void collect(Path folder, Set<Path> files, Set<Path> visited) throws IOException {
        if (!visited.add(folder)) {
            return;
        }
        Path file = Kustomization.fileIn(folder);
        if (file == null) {
            // Not a kustomization (kustomize will refuse it): the whole folder, so that adding one is seen.
            files.addAll(tree(folder));
            return;
        }
        files.add(file);
        JsonNode kustomization = parse(file);
        kustomization.fields().forEachRemaining(field -> {
            boolean configurations = CONFIGURATION_FIELDS.contains(field.getKey());
            named(field.getValue(), folder, files, visited, configurations);
        });
    }

    /** Every text in the node that names a file or folder of the repository, relative to the kustomization. */
    private void named(JsonNode node, Path folder, Set<Path> files, Set<Path> visited, boolean configurations) {
        if (node.isContainerNode()) {
            node.forEach(child -> named(child, folder, files, visited, configurations));
            return;
        }
        if (!node.isTextual()) {
            return;
        }
        String text = node.asText().strip();
        if (text.isEmpty() || text.length() > 4096 || text.contains("\n") || Kustomization.isRemote(text)) {
            return;
        }
        // Generators name files as "path" or "key=path".
        int equals = text.indexOf('=');
        for (String candidate : equals > 0 ? List.of(text, text.substring(equals + 1)) : List.of(text)) {
            Path path;
            try {
                path = folder.resolve(candidate).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                continue;
            }
            if (!path.startsWith(repository) || path.equals(folder)) {
                continue;
            }
            try {
                if (Files.isDirectory(path)) {
                    collect(path, files, visited);
                } else if (Files.isRegularFile(path)) {
                    files.add(path);
                    if (configurations && isYaml(path)) {
                        named(parse(path), path.getParent(), files, visited, false);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private JsonNode parse(Path file) throws IOException {
        // Only a tree discovery read without a problem: its limits are the defaults, which may refuse a file this
        // run's limits read, and a key that missed the files such a kustomization names would serve stale renderings.
        ManifestLoader.YamlTree known = parsedByDiscovery.get(file);
        ManifestLoader.YamlTree tree = known != null && known.problem() == null && known.tree() != null
                ? known
                : reader.readDocument(file.toString(), Files.readString(file));
        // A kustomization that does not parse fails the rendering, which is never cached: its own bytes suffice.
        return tree.problem() != null || tree.tree() == null
                ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : tree.tree();
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private Set<Path> tree(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toSet());
        }
    }

    private static void addIfFile(Set<Path> files, Path file) {
        if (Files.isRegularFile(file)) {
            files.add(file);
        }
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
