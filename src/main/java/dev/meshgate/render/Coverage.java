package dev.meshgate.render;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.ManifestLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which manifest files of a repository no declared application includes: Argo CD and Flux never apply them, so
 * meshgate does not analyse them either, and says so rather than letting a clean verdict suggest they were checked.
 */
final class Coverage {

    private Coverage() {}

    /** @param files the repository's manifest files, as discovery listed them */
    static List<String> unincluded(Path root, List<Path> files, List<Source> sources, Set<String> declaringFiles) {
        List<Path> covered = new ArrayList<>();
        // Applications share bases: one table of parsed files serves every kustomization read here.
        ManifestLoader loader = new ManifestLoader(LoadLimits.defaults(), "default");
        Map<Path, ManifestLoader.YamlTree> parsed = new HashMap<>();
        for (Source source : sources) {
            Path folder = root.resolve(source.path()).normalize();
            covered.add(folder);
            if (source.type() == SourceType.KUSTOMIZE && Kustomization.fileIn(folder) != null) {
                try {
                    covered.addAll(
                            Kustomization.read(root, folder, loader, parsed).localFolders());
                } catch (RenderException e) {
                    // its render fails and says why; its folder alone counts as included
                }
            }
            if (source.valueFiles() != null) {
                source.valueFiles()
                        .forEach(file -> covered.add(folder.resolve(file).normalize()));
            }
        }
        List<String> unincluded = new ArrayList<>();
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            if (!declaringFiles.contains(name)
                    && covered.stream().noneMatch(file::startsWith)
                    && looksLikeAManifest(file)) {
                unincluded.add(name);
            }
        }
        return unincluded;
    }

    /** Names both apiVersion and kind: a Kubernetes object, not a values file or a CI config. */
    private static boolean looksLikeAManifest(Path file) {
        try {
            if (Files.size(file) > LoadLimits.defaults().maxFileBytes()) {
                return false;
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            return text.contains("apiVersion") && text.contains("kind");
        } catch (IOException e) {
            return false;
        }
    }
}
