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

    /** The namespace of the resources that name none. */
    public String defaultNamespace() {
        return defaultNamespace;
    }

    /**
     * Reads every manifest under the given paths. File names in origins are relative to the path they were found
     * under (a path that is itself a file is named by its file name). A file that several paths lead to is read
     * once, under the first: it holds each of its objects once. Files that hold no Kubernetes object are skipped and
     * counted, as the GitOps tools pass over them.
     *
     * @throws IOException when a given path does not exist or cannot be listed
     */
    public LoadResult load(List<Path> roots) throws IOException {
        Reading reading = new Reading();
        List<Path> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new java.nio.file.NoSuchFileException(root.toString(), null, "no such file or directory");
            }
            for (Path file : ManifestFiles.under(root)) {
                if (!reading.firstTime(file)) {
                    continue;
                }
                files.add(file);
                names.add(
                        Files.isDirectory(root)
                                ? root.relativize(file).toString().replace('\\', '/')
                                : file.getFileName().toString());
            }
        }
        return reading.readAll(files, names);
    }

    /**
     * Reads manifest files (YAML and JSON only) named relative to a base folder, e.g. one application's files named
     * from the repository root; files that hold no Kubernetes object are skipped and counted.
     */
    public LoadResult loadFiles(Path base, List<Path> files) {
        Reading reading = new Reading();
        List<Path> manifests = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            if (ManifestFiles.isManifest(file) && reading.firstTime(file)) {
                manifests.add(file);
                names.add(base.relativize(file).toString().replace('\\', '/'));
            }
        }
        return reading.readAll(manifests, names);
    }

    /**
     * Reads manifests held in memory, e.g. a renderer's output or a request body: all of it is meant to be applied,
     * so every document must be a Kubernetes object.
     */
    public LoadResult loadText(String file, String text) {
        List<Resource> resources = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        for (YamlDocuments.Document document : new YamlDocuments(limits).read(file, text, problems)) {
            addResource(document, resources, problems);
        }
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

    /** What one file held: its resources and problems, or that it holds no Kubernetes object. */
    private record FileRead(List<Resource> resources, List<LoadProblem> problems, boolean skipped) {

        static FileRead skippedFile() {
            return new FileRead(List.of(), List.of(), true);
        }

        static FileRead problem(LoadProblem problem) {
            return new FileRead(List.of(), List.of(problem), false);
        }
    }

    /** What a load has read so far. */
    private final class Reading {
        final List<Resource> resources = new ArrayList<>();
        final List<LoadProblem> problems = new ArrayList<>();
        final java.util.Set<Path> read = new java.util.HashSet<>();
        int files;
        int skipped;

        /** False for a file read before through another path. */
        boolean firstTime(Path file) {
            return read.add(file.toAbsolutePath().normalize());
        }

        /**
         * Reads the files on every core, the largest first, each file on its own (a file's documents are parsed in
         * order by one thread), and keeps what they hold in the order of the list, so that the result does not
         * depend on which file was done first.
         */
        LoadResult readAll(List<Path> paths, List<String> names) {
            long[] sizes = new long[paths.size()];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = sizeOrUnknown(paths.get(i));
            }
            List<FileRead> reads = LargestFirst.map(sizes, i -> readFile(paths.get(i), names.get(i), sizes[i]));
            for (FileRead file : reads) {
                files++;
                if (file.skipped()) {
                    skipped++;
                }
                resources.addAll(file.resources());
                problems.addAll(file.problems());
            }
            return new LoadResult(List.copyOf(resources), List.copyOf(problems), files, skipped);
        }
    }

    /** A file's size to order the reading by, or -1: a file that cannot be measured is reported when it is read. */
    private static long sizeOrUnknown(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    private FileRead readFile(Path path, String name, long measured) {
        try {
            long size = measured >= 0 ? measured : Files.size(path);
            if (size > limits.maxFileBytes()) {
                if (namesNoObjectInItsStart(path)) {
                    return FileRead.skippedFile();
                }
                return FileRead.problem(new LoadProblem(
                        LoadProblem.Type.LIMIT,
                        Origin.of(name),
                        "file is " + size + " bytes, over the limit of " + limits.maxFileBytes()));
            }
            byte[] bytes = Files.readAllBytes(path);
            String text;
            try {
                text = decode(bytes);
            } catch (java.nio.charset.CharacterCodingException e) {
                if (ObjectSigns.textNamesApiVersionAndKind(roughText(bytes))) {
                    return FileRead.problem(new LoadProblem(
                            LoadProblem.Type.SYNTAX, Origin.of(name), "the file is not UTF-8, UTF-16 or UTF-32 text"));
                }
                return FileRead.skippedFile();
            }
            return readText(name, text);
        } catch (IOException e) {
            return FileRead.problem(
                    new LoadProblem(LoadProblem.Type.UNREADABLE, Origin.of(name), String.valueOf(e.getMessage())));
        }
    }

    /**
     * Reads one file's documents. A file none of whose documents is meant as a Kubernetes object is skipped, its
     * problems with it; so is one that does not parse, unless its text names an apiVersion and a kind. A file that
     * hit a safety limit is always reported, since what it holds is unknown.
     */
    private FileRead readText(String name, String text) {
        List<LoadProblem> problems = new ArrayList<>();
        List<YamlDocuments.Document> documents = new YamlDocuments(limits).read(name, text, problems);
        boolean objects = documents.stream()
                .anyMatch(document -> document.listItem() || ObjectSigns.meantAsObject(document.tree()));
        boolean limited = problems.stream().anyMatch(problem -> problem.type() == LoadProblem.Type.LIMIT);
        boolean malformed = problems.stream().anyMatch(problem -> problem.type() == LoadProblem.Type.SYNTAX);
        if (!objects && !limited && !(malformed && ObjectSigns.textNamesApiVersionAndKind(text))) {
            return documents.isEmpty() && problems.isEmpty()
                    ? new FileRead(List.of(), List.of(), false)
                    : FileRead.skippedFile();
        }
        List<Resource> resources = new ArrayList<>();
        for (YamlDocuments.Document document : documents) {
            addResource(document, resources, problems);
        }
        return new FileRead(resources, problems, false);
    }

    /** For a file too large to read: whether its first part shows no sign of Kubernetes objects. */
    private static boolean namesNoObjectInItsStart(Path path) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(path)) {
            return !ObjectSigns.textNamesApiVersionAndKind(roughText(in.readNBytes(64 * 1024)));
        }
    }

    /** Bytes as text good enough to look for ASCII key names in, whatever the encoding (UTF-16 included). */
    private static String roughText(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\0", "");
    }

    /**
     * The text of a file: UTF-8 unless a byte order mark says UTF-16 or UTF-32, as Kubernetes YAML readers take it
     * (SnakeYAML's UnicodeReader); bytes that are not text in that encoding are an error, never replaced.
     */
    private static String decode(byte[] bytes) throws IOException {
        int first = bytes.length == 0 ? -1 : bytes[0] & 0xff;
        boolean marked = first == 0xef || first == 0xfe || first == 0xff || first == 0;
        if (marked) {
            return readAll(new UnicodeReader(new ByteArrayInputStream(bytes)));
        }
        // Most files: the JDK's fast decoding (ASCII is copied as it is). It replaces what is not UTF-8 by U+FFFD, so
        // only a text holding U+FFFD, written or replaced, is decoded again strictly to tell which.
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        return java.nio.charset.StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes))
                .toString();
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
            text.append(buffer, 0, read);
        }
        return text.toString();
    }

    private void addResource(YamlDocuments.Document document, List<Resource> resources, List<LoadProblem> problems) {
        Resource resource = toResource(document, problems);
        if (resource != null) {
            resources.add(resource);
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
