package dev.meshgate.render;

import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Flux Kustomization whose path has no kustomization.yaml, built as Flux builds it: Flux generates a kustomization
 * that takes the Kubernetes manifests of the folder and its plain subfolders, and each subfolder that has its own
 * kustomization.yaml as a kustomization, without descending into it. Patch and kustomization files are so never read
 * as manifests, and the subfolders render with their patches.
 */
final class FluxFolderRenderer implements Renderer {

    private final KustomizeRenderer kustomize;

    FluxFolderRenderer(KustomizeRenderer kustomize) {
        this.kustomize = kustomize;
    }

    @Override
    public SourceType type() {
        return SourceType.FLUX_FOLDER;
    }

    @Override
    public LoadResult render(Path root, Source source, ManifestLoader loader) throws RenderException {
        Path repository = root.toAbsolutePath().normalize();
        Path folder = repository.resolve(source.path()).normalize();
        if (!folder.startsWith(repository) || !Files.isDirectory(folder)) {
            throw new RenderException("no folder " + (source.path().isEmpty() ? "." : source.path()));
        }
        Generated generated = new Generated(repository, loader);
        generated.collect(folder);
        if (generated.entries.isEmpty()) {
            return new LoadResult(List.of(), List.of(), 0);
        }
        kustomize.refuseRemoteBases(generated.remote);
        Path originFile = generated.entries.get(0);
        if (Files.isDirectory(originFile)) {
            originFile = Kustomization.fileIn(originFile);
        }
        KustomizeBuild build = new KustomizeBuild(
                generated.entries, originFile, generated.resourceFiles, generated.patches, Optional.empty(), true);
        return kustomize.build(repository, build, source.kustomize(), loader);
    }

    /** The resources of the kustomization Flux would generate for a folder. */
    private static final class Generated {
        private final Path repository;
        private final ManifestLoader loader;
        private final List<Path> entries = new ArrayList<>();
        private final List<Path> resourceFiles = new ArrayList<>();
        private final List<PatchFile> patches = new ArrayList<>();
        private final List<String> remote = new ArrayList<>();

        Generated(Path repository, ManifestLoader loader) {
            this.repository = repository;
            this.loader = loader;
        }

        void collect(Path folder) throws RenderException {
            List<Path> children;
            try (Stream<Path> listing = Files.list(folder)) {
                children = listing.sorted().toList();
            } catch (IOException e) {
                throw new RenderException("the folder " + repository.relativize(folder) + " cannot be read", e);
            }
            for (Path child : children) {
                if (child.getFileName().toString().startsWith(".") || Files.isSymbolicLink(child)) {
                    continue;
                }
                if (Files.isDirectory(child) && Kustomization.fileIn(child) != null) {
                    Kustomization tree = Kustomization.read(repository, child, loader);
                    entries.add(child);
                    resourceFiles.addAll(tree.allResourceFiles());
                    patches.addAll(tree.patchFiles());
                    remote.addAll(tree.remoteReferences());
                } else if (Files.isDirectory(child)) {
                    collect(child);
                } else if (isManifest(child)) {
                    entries.add(child);
                    resourceFiles.add(child);
                }
            }
        }

        /** A YAML file holding at least one Kubernetes object; values files, configs and the like are left out. */
        private boolean isManifest(Path file) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
                return false;
            }
            return !loader.loadFiles(repository, List.of(file)).resources().isEmpty();
        }
    }
}
