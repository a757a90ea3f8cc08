package dev.meshgate.render;

import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestFiles;
import dev.meshgate.manifest.ManifestLoader;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/** Plain folders, read like Argo CD's directory source: optionally recursive, with include and exclude globs. */
public final class DirectoryRenderer implements Renderer {

    @Override
    public SourceType type() {
        return SourceType.DIRECTORY;
    }

    @Override
    public LoadResult render(Path root, Source source, ManifestLoader loader) throws RenderException {
        Path folder = root.resolve(source.path()).normalize();
        if (!folder.startsWith(root.normalize()) || !Files.isDirectory(folder)) {
            throw new RenderException("the path " + (source.path().isEmpty() ? "." : source.path())
                    + " is not a folder of the repository");
        }
        try {
            return loader.loadFiles(root, files(root, source));
        } catch (IOException e) {
            throw new RenderException("the folder " + source.path() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The manifests a directory source reads: those of its folder (and sub-folders when it recurses) that its include
     * globs name and its exclude globs do not; none when the folder is not there. The render cache keys it by them.
     */
    static List<Path> files(Path root, Source source) throws IOException {
        Path folder = root.resolve(source.path()).normalize();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<PathMatcher> include = matchers(source.include());
        List<PathMatcher> exclude = matchers(source.exclude());
        return ManifestFiles.under(folder).stream()
                .filter(file -> source.recurse() || file.getParent().equals(folder))
                .filter(file -> include.isEmpty() || matches(include, folder.relativize(file)))
                .filter(file -> !matches(exclude, folder.relativize(file)))
                .toList();
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        // Argo CD takes a comma-separated list, possibly in braces: {a.yaml,b.yaml}.
        return globs.stream()
                .flatMap(glob -> List.of(glob.replaceAll("^\\{|}$", "").split(",")).stream())
                .map(String::strip)
                .filter(glob -> !glob.isEmpty())
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .toList();
    }

    private static boolean matches(List<PathMatcher> matchers, Path relative) {
        return matchers.stream()
                .anyMatch(matcher -> matcher.matches(relative) || matcher.matches(relative.getFileName()));
    }
}
