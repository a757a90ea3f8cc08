package dev.meshgate.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.reader.UnicodeReader;

/** Reads manifest files into resources that remember where each field was written. */
public final class ManifestLoader {

    /** The name given to an install input written without one (never a valid object name, so never a clash). */
    public static final String UNNAMED = "(unnamed)";

    private final LoadLimits limits;
    private final String defaultNamespace;

    public ManifestLoader(LoadLimits limits, String defaultNamespace) {
        this.limits = limits;
        this.defaultNamespace = defaultNamespace;
    }

    /**
     * Reads every manifest under the given paths. File names in origins are relative to the path they were found
     * under (a path that is itself a file is named by its file name). A file that several paths lead to is read
     * once, under the first: it holds each of its objects once.
     *
     * @throws IOException when a given path does not exist or cannot be listed
     */
    public LoadResult load(List<Path> roots) throws IOException {
        List<Resource> resources = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        java.util.Set<Path> read = new java.util.HashSet<>();
        int files = 0;
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new java.nio.file.NoSuchFileException(root.toString(), null, "no such file or directory");
            }
            for (Path file : ManifestFiles.under(root)) {
                if (!read.add(file.toAbsolutePath().normalize())) {
                    continue;
                }
                files++;
                String name = Files.isDirectory(root)
                        ? root.relativize(file).toString().replace('\\', '/')
                        : file.getFileName().toString();
                readFile(file, name, resources, problems);
            }
        }
        return new LoadResult(List.copyOf(resources), List.copyOf(problems), files);
    }

    /**
     * Reads manifest files (YAML and JSON only) named relative to a base folder, e.g. one application's files named
     * from the repository root.
     */
    public LoadResult loadFiles(Path base, List<Path> files) {
        List<Resource> resources = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        int read = 0;
        for (Path file : files) {
            if (ManifestFiles.isManifest(file) && seen.add(file.toAbsolutePath().normalize())) {
                read++;
                readFile(file, base.relativize(file).toString().replace('\\', '/'), resources, problems);
            }
        }
        return new LoadResult(List.copyOf(resources), List.copyOf(problems), read);
    }

    /** Reads manifests held in memory, e.g. a renderer's output. */
    public LoadResult loadText(String file, String text) {
        List<Resource> resources = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        read(file, new StringReader(text), resources, problems);
        return new LoadResult(List.copyOf(resources), List.copyOf(problems), 1);
    }

    /**
     * Reads a single YAML document that is not a Kubernetes object (a config file), with its field positions.
     *
     * @return the document's tree and positions, or the first problem met
     */
    public YamlTree readDocument(String file, String text) {
        List<LoadProblem> problems = new ArrayList<>();
        List<YamlDocuments.Document> documents = new YamlDocuments(limits).read(file, new StringReader(text), problems);
        if (!problems.isEmpty()) {
            return new YamlTree(null, new FieldPositions(file), problems.get(0));
        }
        if (documents.isEmpty()) {
            return new YamlTree(
                    com.fasterxml.jackson.databind.node.NullNode.getInstance(), new FieldPositions(file), null);
        }
        return new YamlTree(documents.get(0).tree(), documents.get(0).positions(), null);
    }

    /** One YAML document with its positions, or the problem that kept it from being read. */
    public record YamlTree(JsonNode tree, FieldPositions positions, LoadProblem problem) {}

    private void readFile(Path path, String name, List<Resource> resources, List<LoadProblem> problems) {
        try {
            long size = Files.size(path);
            if (size > limits.maxFileBytes()) {
                problems.add(new LoadProblem(
                        LoadProblem.Type.LIMIT,
                        Origin.of(name),
                        "file is " + size + " bytes, over the limit of " + limits.maxFileBytes()));
                return;
            }
            byte[] bytes = Files.readAllBytes(path);
            // UnicodeReader honours UTF-8/UTF-16/UTF-32 byte order marks as Kubernetes YAML readers do.
            read(name, new UnicodeReader(new ByteArrayInputStream(bytes)), resources, problems);
        } catch (IOException e) {
            problems.add(new LoadProblem(LoadProblem.Type.UNREADABLE, Origin.of(name), String.valueOf(e.getMessage())));
        }
    }

    private void read(String name, Reader reader, List<Resource> resources, List<LoadProblem> problems) {
        for (YamlDocuments.Document document : new YamlDocuments(limits).read(name, reader, problems)) {
            Resource resource = toResource(document, problems);
            if (resource != null) {
                resources.add(resource);
            }
        }
    }

    private Resource toResource(YamlDocuments.Document document, List<LoadProblem> problems) {
        JsonNode tree = document.tree();
        FieldPositions positions = document.positions();
        if (tree.isNull() || tree.isMissingNode()) {
            return null;
        }
        if (!tree.isObject()) {
            problems.add(notAnObject(
                    positions,
                    "",
                    "document is a " + tree.getNodeType().name().toLowerCase() + ", not a Kubernetes object"));
            return null;
        }
        String apiVersion = tree.path("apiVersion").asText("");
        String kind = tree.path("kind").asText("");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            problems.add(notAnObject(
                    positions,
                    "",
                    "document has no " + (apiVersion.isEmpty() ? "apiVersion" : "kind")
                            + ", so it is not a Kubernetes object"));
            return null;
        }
        JsonNode metadata = tree.path("metadata");
        String name = metadata.path("name").asText("");
        if (name.isEmpty()) {
            String generateName = metadata.path("generateName").asText("");
            if (!generateName.isEmpty()) {
                name = generateName + "*";
            } else if (isInstallInput(apiVersion, kind)) {
                name = UNNAMED;
            } else {
                problems.add(notAnObject(positions, "/metadata", kind + " has no metadata.name"));
                return null;
            }
        }
        String written = metadata.path("namespace").asText("");
        String namespace = ClusterScopedKinds.contains(kind) ? "" : written.isEmpty() ? defaultNamespace : written;
        return new Resource(apiVersion, kind, name, namespace, !written.isEmpty(), tree, positions);
    }

    /**
     * IstioOperator files are inputs to {@code istioctl install -f}, which needs no name, rather than objects to
     * apply: they are read for the practice rules whether named or not.
     */
    private static boolean isInstallInput(String apiVersion, String kind) {
        return kind.equals("IstioOperator") && apiVersion.startsWith("install.istio.io/");
    }

    private static LoadProblem notAnObject(FieldPositions positions, String pointer, String detail) {
        return new LoadProblem(LoadProblem.Type.NOT_AN_OBJECT, positions.origin(pointer), detail);
    }
}
