package dev.meshgate.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.files.FileTrees;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a kustomization with the real kustomize ({@code kubectl kustomize} by default), as Argo CD and Flux do. An
 * application with options of its own is built through a wrapper kustomization in a temporary folder that carries
 * them, so the repository is never modified; remote bases are refused before kustomize runs unless allowed.
 */
public final class KustomizeRenderer implements Renderer {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    // The source bytes whose parsed documents a run keeps for the applications that share them.
    private static final long SHARED_SOURCE_BYTES = 64L * 1024 * 1024;

    private final RenderLimits limits;
    private final SourceDocuments sources = new SourceDocuments(SHARED_SOURCE_BYTES);

    /** One renderer per run: the source files it parses are shared by the run's applications, not beyond. */
    public KustomizeRenderer(RenderLimits limits) {
        this.limits = limits;
    }

    @Override
    public SourceType type() {
        return SourceType.KUSTOMIZE;
    }

    @Override
    public LoadResult render(Path root, Source source, ManifestLoader loader) throws RenderException {
        Path repository = root.toAbsolutePath().normalize();
        Path folder = repository.resolve(source.path()).normalize();
        Kustomization tree = buildable(repository, folder, loader);
        KustomizeBuild build = new KustomizeBuild(
                List.of(folder),
                Kustomization.fileIn(folder),
                tree.allResourceFiles(),
                tree.patchFiles(),
                tree.sortOptions(),
                false);
        return build(repository, build, source.kustomize(), loader);
    }

    /**
     * Whether rendering the folder runs kustomize: it holds a kustomization that reads, and names no remote base
     * unless they are allowed. What a benchmark's floor builds, to be the same work.
     */
    public boolean runsKustomize(Path root, Path folder) {
        Path repository = root.toAbsolutePath().normalize();
        try {
            buildable(
                    repository,
                    folder.toAbsolutePath().normalize(),
                    new ManifestLoader(LoadLimits.defaults(), "default"));
            return true;
        } catch (RenderException e) {
            return false;
        }
    }

    /** The folder's kustomization, read, when kustomize may build it; else why not. */
    private Kustomization buildable(Path repository, Path folder, ManifestLoader loader) throws RenderException {
        if (!folder.startsWith(repository) || Kustomization.fileIn(folder) == null) {
            Path relative = repository.relativize(folder);
            throw new RenderException(
                    "no kustomization.yaml in " + (relative.toString().isEmpty() ? "." : relative));
        }
        Kustomization tree = Kustomization.read(repository, folder, loader);
        refuseRemoteBases(tree.remoteReferences());
        return tree;
    }

    /** Remote bases are refused before kustomize runs, unless allowed: a gate must not fetch from the network. */
    void refuseRemoteBases(List<String> remoteReferences) throws RenderException {
        if (!limits.allowRemoteBases() && !remoteReferences.isEmpty()) {
            throw new RemoteBaseRefusedException("remote base " + String.join(", ", remoteReferences)
                    + "; vendor it into the repository or allow remote bases");
        }
    }

    /**
     * Builds the build's one folder as it is, as Argo CD and Flux build it; several entries (folders or files of the
     * repository), or an application with options of its own, through a wrapper kustomization that carries them.
     */
    LoadResult build(Path repository, KustomizeBuild build, KustomizeOptions kustomize, ManifestLoader loader)
            throws RenderException {
        Path wrapper = null;
        try {
            Path folder = build.entries().get(0);
            if (needsWrapper(build.entries(), kustomize)) {
                wrapper = wrapper(build.entries(), kustomize, build.sortOptions());
                folder = wrapper;
            }
            List<String> command = new ArrayList<>(limits.kustomizeCommand());
            if (build.filesOutsideTheWrapper()) {
                command.add("--load-restrictor=LoadRestrictionsNone");
            }
            command.add(folder.toString());
            String output = ToolRun.run(command, folder, limits.timeout(), limits.maxOutputBytes());
            String kustomizationFile =
                    repository.relativize(build.originFile()).toString().replace('\\', '/');
            LoadResult rendered = loader.loadText(kustomizationFile, output);
            KustomizeOrigins origins = new KustomizeOrigins(
                    repository, build.resourceFiles(), kustomizationFile, loader, build.patchFiles(), sources);
            List<Resource> remapped =
                    rendered.resources().stream().map(origins::remap).toList();
            return new LoadResult(remapped, rendered.problems(), rendered.files());
        } catch (IOException e) {
            throw new RenderException("kustomize could not be prepared: " + e.getMessage(), e);
        } finally {
            deleteQuietly(wrapper);
        }
    }

    /**
     * Whether kustomize builds the entries through a wrapper: unless they are one folder and the application sets no
     * options of its own. Built as it is, a folder's own {@code sortOptions} keep their effect, which a wrapper's
     * default order would override, and kustomize reads one kustomization less.
     */
    public static boolean needsWrapper(List<Path> entries, KustomizeOptions kustomize) {
        return entries.size() != 1 || !Files.isDirectory(entries.get(0)) || !kustomize.isEmpty();
    }

    /**
     * Writes the wrapper kustomization over the entries into a new temporary folder, which the caller deletes: it
     * carries the application's own options and the sort order of the folder it wraps. Public for the benchmark that
     * measures what kustomize costs this way.
     */
    public static Path wrapper(List<Path> entries, KustomizeOptions kustomize, Optional<JsonNode> sortOptions)
            throws IOException {
        Path wrapper = Files.createTempDirectory("meshgate-kustomize");
        StringBuilder resources = new StringBuilder();
        for (Path entry : entries) {
            resources
                    .append("  - ")
                    .append(wrapper.relativize(entry).toString().replace('\\', '/'))
                    .append('\n');
        }
        Files.writeString(
                wrapper.resolve("kustomization.yaml"),
                """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                %s%s"""
                        .formatted(resources, options(kustomize, sortOptions)));
        return wrapper;
    }

    /** The Application's or Flux Kustomization's own settings, as kustomize fields of the wrapper (JSON is YAML). */
    private static String options(KustomizeOptions options, Optional<JsonNode> sortOptions) throws IOException {
        StringBuilder yaml = new StringBuilder();
        if (sortOptions.isPresent()) {
            yaml.append("sortOptions: ")
                    .append(JSON.writeValueAsString(sortOptions.get()))
                    .append('\n');
        }
        if (options.namePrefix() != null) {
            yaml.append("namePrefix: ")
                    .append(JSON.writeValueAsString(options.namePrefix()))
                    .append('\n');
        }
        if (options.nameSuffix() != null) {
            yaml.append("nameSuffix: ")
                    .append(JSON.writeValueAsString(options.nameSuffix()))
                    .append('\n');
        }
        if (options.namespace() != null) {
            yaml.append("namespace: ")
                    .append(JSON.writeValueAsString(options.namespace()))
                    .append('\n');
        }
        if (!options.commonLabels().isEmpty()) {
            yaml.append("commonLabels: ")
                    .append(JSON.writeValueAsString(options.commonLabels()))
                    .append('\n');
        }
        return yaml.toString();
    }

    private static void deleteQuietly(Path folder) {
        if (folder != null) {
            try {
                FileTrees.deleteRecursively(folder);
            } catch (IOException e) {
                // A leftover temporary folder of one small file is no reason to fail a render.
            }
        }
    }
}
