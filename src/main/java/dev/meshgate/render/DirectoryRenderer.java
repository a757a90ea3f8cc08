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
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain folders, read like Argo CD's directory source: optionally recursive, with include and exclude globs. */
public final class DirectoryRenderer implements Renderer {

    // Folder names of plain letters, digits, dots, dashes and underscores, so that the glob matches them literally.
    private static final Pattern FOLDER_AND_BELOW = Pattern.compile("([\\w.-]+(?:/[\\w.-]+)*)/\\*\\*");

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
        List<Predicate<Path>> include = matchers(source.include());
        List<Predicate<Path>> exclude = matchers(source.exclude());
        return ManifestFiles.under(folder).stream()
                .filter(file -> source.recurse() || file.getParent().equals(folder))
                .filter(file -> include.isEmpty() || matches(include, folder.relativize(file)))
                .filter(file -> !matches(exclude, folder.relativize(file)))
                .toList();
    }

    private static List<Predicate<Path>> matchers(List<String> globs) {
        // Argo CD takes a comma-separated list, possibly in braces: {a.yaml,b.yaml}.
        return globs.stream()
                .flatMap(glob -> List.of(glob.replaceAll("^\\{|}$", "").split(",")).stream())
                .map(String::strip)
                .filter(glob -> !glob.isEmpty())
                .map(DirectoryRenderer::matcher)
                .toList();
    }

    /** Whether a path relative to the folder, or its file name, matches the glob. */
    static Predicate<Path> matcher(String glob) {
        // "folder/**", the form in which discovery excludes every folder another application renders, is a prefix:
        // kubeflow/manifests' loose manifests exclude 237 folders, and a glob per folder and file cost a tenth of a
        // second of every run. A file name never matches it, having no slash.
        Matcher folder = FOLDER_AND_BELOW.matcher(glob);
        if (folder.matches()) {
            Path prefix = Path.of(folder.group(1));
            return relative -> relative.getNameCount() > prefix.getNameCount() && relative.startsWith(prefix);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return relative -> matcher.matches(relative) || matcher.matches(relative.getFileName());
    }

    private static boolean matches(List<Predicate<Path>> matchers, Path relative) {
        for (Predicate<Path> matcher : matchers) {
            if (matcher.test(relative)) {
                return true;
            }
        }
        return false;
    }
}
