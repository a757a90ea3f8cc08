package dev.meshgate.render;

import dev.meshgate.files.FileTrees;
import dev.meshgate.manifest.FieldPositions;
import dev.meshgate.manifest.LoadProblem;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Origin;
import dev.meshgate.manifest.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a Helm chart of the repository with the application's values files and inline values, through Helm as a
 * library or a helm binary; dependencies only when vendored in {@code charts/}, since a gate must not fetch from the
 * network. Resources point at their template ({@code # Source:}).
 */
public final class HelmRenderer implements Renderer {

    private static final String SOURCE_MARKER = "# Source: ";

    private final RenderLimits limits;
    private final HelmEngine engine;

    public HelmRenderer(RenderLimits limits) {
        this.limits = limits;
        this.engine = engine(limits);
    }

    private static HelmEngine engine(RenderLimits limits) {
        if (!limits.helmCommand().isEmpty()) {
            return new HelmBinary(limits.helmCommand());
        }
        return limits.helm() == RenderLimits.HelmProcess.IN_PROCESS
                ? new HelmLibrary()
                : HelmWorkers.shared(limits.helmWorkerMemoryBytes());
    }

    @Override
    public SourceType type() {
        return SourceType.HELM;
    }

    @Override
    public LoadResult render(Path root, Source source, ManifestLoader loader) throws RenderException {
        Path repository = root.toAbsolutePath().normalize();
        Path chart = repository.resolve(source.path()).normalize();
        if (!chart.startsWith(repository) || !Files.isRegularFile(chart.resolve("Chart.yaml"))) {
            throw new RenderException("no Chart.yaml in " + (source.path().isEmpty() ? "." : source.path()));
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("meshgate-helm");
            List<Path> valueFiles = new ArrayList<>();
            for (String file : source.valueFiles()) {
                Path values = chart.resolve(file).normalize();
                if (!values.startsWith(repository) || !Files.isRegularFile(values)) {
                    throw new RenderException("the values file " + file + " is not in the repository");
                }
                valueFiles.add(values);
            }
            if (source.values() != null && !source.values().isBlank()) {
                valueFiles.add(Files.writeString(work.resolve("inline-values.yaml"), source.values()));
            }
            String output = engine.template(
                    chart,
                    releaseName(source),
                    source.namespace() == null ? UnknownReleaseNamespace.PLACEHOLDER : source.namespace(),
                    valueFiles,
                    limits);
            if (output.length() > limits.maxOutputBytes()) {
                throw new RenderException("the rendered output is larger than " + limits.maxOutputBytes() + " bytes");
            }
            LoadResult loaded = load(repository, chart, output, loader);
            return source.namespace() != null ? loaded : unplaced(loaded, loader.defaultNamespace());
        } catch (IOException e) {
            throw new RenderException("the chart could not be prepared: " + e.getMessage(), e);
        } finally {
            if (work != null) {
                try {
                    FileTrees.deleteRecursively(work);
                } catch (IOException e) {
                    // a leftover values file in the temporary folder is no reason to fail a render
                }
            }
        }
    }

    private static LoadResult unplaced(LoadResult loaded, String defaultNamespace) {
        List<Resource> resources = loaded.resources().stream()
                .map(resource -> UnknownReleaseNamespace.unplaced(resource, defaultNamespace))
                .toList();
        return new LoadResult(resources, loaded.problems(), loaded.files(), loaded.skippedFiles());
    }

    private static String releaseName(Source source) {
        String name = source.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        name = name.replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "release" : name.length() > 53 ? name.substring(0, 53) : name;
    }

    /** Reads each template's documents, naming them by their template and dropping the rendered text's positions. */
    private static LoadResult load(Path repository, Path chart, String output, ManifestLoader loader) {
        List<Resource> resources = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        String chartFolder = repository.relativize(chart).toString().replace('\\', '/');
        String template = chartFolder.isEmpty() ? "Chart.yaml" : chartFolder + "/Chart.yaml";
        StringBuilder document = new StringBuilder();
        java.util.Set<String> templates = new java.util.TreeSet<>();
        for (String line : output.split("\n", -1)) {
            if (line.startsWith(SOURCE_MARKER)) {
                // "# Source: <chart name>/templates/x.yaml": the chart's own name, not its folder, comes first.
                String path = line.substring(SOURCE_MARKER.length()).strip();
                int slash = path.indexOf('/');
                template = (chartFolder.isEmpty() ? "" : chartFolder + "/")
                        + (slash >= 0 ? path.substring(slash + 1) : path);
                // Helm's own line: left out, so that the document's lines count as the template's do.
                continue;
            }
            if (line.equals("---")) {
                if (!document.toString().isBlank()) {
                    templates.add(template);
                }
                flush(repository, document, template, loader, resources, problems);
                continue;
            }
            document.append(line).append('\n');
        }
        if (!document.toString().isBlank()) {
            templates.add(template);
        }
        flush(repository, document, template, loader, resources, problems);
        return new LoadResult(List.copyOf(resources), List.copyOf(problems), templates.size());
    }

    private static void flush(
            Path repository,
            StringBuilder document,
            String template,
            ManifestLoader loader,
            List<Resource> resources,
            List<LoadProblem> problems) {
        if (document.toString().isBlank()) {
            document.setLength(0);
            return;
        }
        LoadResult loaded = loader.loadText(template, document.toString());
        for (Resource resource : loaded.resources()) {
            // Lines of the rendered text mean nothing in the template, which holds Go template code: name the file
            // only.
            resources.add(new Resource(
                    resource.apiVersion(),
                    resource.kind().kind(),
                    resource.name(),
                    resource.namespace(),
                    resource.namespaceWritten(),
                    resource.body(),
                    new FieldPositions(template)));
        }
        List<String> rendered = List.of(document.toString().split("\n", -1));
        List<String> written = templateLines(repository.resolve(template));
        for (LoadProblem problem : loaded.problems()) {
            problems.add(
                    new LoadProblem(problem.type(), inTemplate(problem.origin(), rendered, written), problem.detail()));
        }
        document.setLength(0);
    }

    /**
     * A position in the rendered text is the template's own only where the template holds that very line there;
     * elsewhere Go template code moved or made it, and the finding names the template file alone.
     */
    private static Origin inTemplate(Origin origin, List<String> rendered, List<String> written) {
        int line = origin.line();
        boolean same = line > 0
                && line <= rendered.size()
                && line <= written.size()
                && rendered.get(line - 1).equals(written.get(line - 1));
        return same ? origin : Origin.of(origin.file());
    }

    private static List<String> templateLines(Path template) {
        try {
            return Files.readAllLines(template);
        } catch (IOException | RuntimeException e) {
            return List.of(); // no file to compare with (a subchart's template): the file alone is named
        }
    }
}
