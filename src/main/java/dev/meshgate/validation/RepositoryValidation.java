package dev.meshgate.validation;

import dev.meshgate.analysis.AnalysisSettings;
import dev.meshgate.analysis.policy.ConfigFile;
import dev.meshgate.analysis.policy.FindingPolicy;
import dev.meshgate.analysis.policy.Suppression;
import dev.meshgate.cluster.ClusterUnavailableException;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadProblem;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Resource;
import dev.meshgate.render.RenderedApplication;
import dev.meshgate.render.Rendering;
import dev.meshgate.render.Source;
import dev.meshgate.render.SourceType;
import dev.meshgate.render.UnrenderedFiles;
import dev.meshgate.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one way into the engine, for the command line, the service and the HTTP API alike: read the repository's
 * config, render what Argo CD or Flux would apply (or read plain files), add what the cluster holds, analyse, apply
 * the policy, and say what was done.
 */
public final class RepositoryValidation {

    private RepositoryValidation() {}

    /**
     * Validates a folder: rendered unless the options say plain.
     *
     * @throws ConfigFile.InvalidConfigException when the config file is invalid (its message names file and line)
     * @throws IOException when the files cannot be read at all
     */
    public static ValidationResult validate(Path root, ValidationOptions options)
            throws IOException, ConfigFile.InvalidConfigException {
        return validate(List.of(root), options, ValidationListener.NONE);
    }

    /** Validates a folder as {@link #validate(Path, ValidationOptions)} does, telling the listener what each stage took. */
    public static ValidationResult validate(Path root, ValidationOptions options, ValidationListener listener)
            throws IOException, ConfigFile.InvalidConfigException {
        return validate(List.of(root), options, listener);
    }

    /** Validates files or folders; several paths, or one file, are always read as plain files. */
    public static ValidationResult validate(List<Path> paths, ValidationOptions options)
            throws IOException, ConfigFile.InvalidConfigException {
        return validate(paths, options, ValidationListener.NONE);
    }

    private static ValidationResult validate(List<Path> paths, ValidationOptions options, ValidationListener listener)
            throws IOException, ConfigFile.InvalidConfigException {
        long renderStart = System.nanoTime();
        ConfigFile.Config config = config(paths, options);
        ManifestValidation engine = engine(config, options);
        String namespace = engine.settings().defaultNamespace();
        boolean plain = options.input() == ValidationOptions.Input.PLAIN
                || paths.size() != 1
                || !Files.isDirectory(paths.get(0));
        Rendering.RenderedRepository repository = plain
                ? new Rendering.RenderedRepository(
                        List.of(new RenderedApplication(
                                Source.of(SourceType.DIRECTORY, ""),
                                new ManifestLoader(LoadLimits.defaults(), namespace).load(paths))),
                        List.of(),
                        List.of())
                : rendered(paths.get(0), options, namespace, config);
        List<RenderedApplication> applications = repository.applications();
        listener.rendered(Duration.ofNanos(System.nanoTime() - renderStart), failedToRender(applications));
        List<String> notes = new ArrayList<>();
        crdFiles(engine, options, notes);
        Optional<String> unavailable = Optional.empty();
        List<Resource> outside = List.of();
        if (options.cluster().isPresent()) {
            try {
                outside = options.cluster().get().resources();
            } catch (ClusterUnavailableException e) {
                unavailable = Optional.of(e.getMessage());
                notes.add(e.getMessage() + ": references were checked against the repository only");
            }
        }
        List<Resource> unrendered = plain ? List.of() : unrendered(applications);
        long analysisStart = System.nanoTime();
        Report report = engine.reportApplications(applications, outside, unrendered);
        listener.analysed(Duration.ofNanos(System.nanoTime() - analysisStart));
        notes.addAll(engine.structureNotes());
        if (options.cluster().isEmpty() && !report.findings().isEmpty()) {
            notes.add("references were checked against the repository only: no cluster or inventory is configured"
                    + " (meshgate.cluster)");
        }
        List<Source> sources =
                applications.stream().map(RenderedApplication::source).toList();
        if (ValidationResult.rendersApplications(sources)) {
            notes.add("rendered " + sources.stream().map(Source::describe).collect(Collectors.joining("; ")));
        }
        notes.addAll(ValidationResult.coverage(repository.elsewhere(), repository.unincluded()));

        repository.cache().map(ValidationResult::cacheLine).ifPresent(notes::add);
        return new ValidationResult(
                report,
                sources,
                notes,
                unavailable,
                repository.elsewhere(),
                repository.unincluded(),
                repository.cache());
    }

    // CRD files are large (Istio's are deeply nested, over a megabyte together) and come from the operator, not the
    // repository under test.
    private static final LoadLimits CRD_LIMITS = new LoadLimits(64L * 1024 * 1024, 100, 512, 5_000_000);

    /** Reads the {@code --crds} files into the engine; what cannot be read is a note, never a failed run. */
    private static void crdFiles(ManifestValidation engine, ValidationOptions options, List<String> notes) {
        String outside =
                options.cluster().map(view -> "the CRDs of " + view.describe()).orElse("the cluster's CRDs");
        if (options.crds().isEmpty()) {
            engine.judgingStructureBy(outside, List.of(), "");
            return;
        }
        String described =
                "the CRDs in " + options.crds().stream().map(Path::toString).collect(Collectors.joining(", "));
        List<Resource> crds = List.of();
        try {
            LoadResult loaded = new ManifestLoader(CRD_LIMITS, "default").load(options.crds());
            crds = loaded.resources();
            loaded.problems()
                    .forEach(
                            problem -> notes.add("CRDs: " + problem.origin() + " cannot be read: " + problem.detail()));
        } catch (IOException e) {
            notes.add(described + " cannot be read (" + e.getMessage() + "): structure is checked without them");
        }
        engine.judgingStructureBy(outside, crds, described);
    }

    private static int failedToRender(List<RenderedApplication> applications) {
        return (int) applications.stream()
                .filter(application -> application.loaded().problems().stream()
                        .anyMatch(problem -> problem.type() == LoadProblem.Type.RENDER_FAILED))
                .count();
    }

    /** Validates manifests held in memory, e.g. a request body, as one plain file of that name. */
    public static Report validateText(String file, String text, ValidationOptions options) {
        ManifestValidation engine = engine(ConfigFile.Config.defaults(), options);
        crdFiles(engine, options, new ArrayList<>());
        return engine.report(
                new ManifestLoader(LoadLimits.defaults(), engine.settings().defaultNamespace()).loadText(file, text));
    }

    private static ConfigFile.Config config(List<Path> paths, ValidationOptions options)
            throws ConfigFile.InvalidConfigException {
        Optional<Path> file = options.configFile();
        if (file.isEmpty() && !paths.isEmpty() && Files.isDirectory(paths.get(0))) {
            Path candidate = paths.get(0).resolve(ConfigFile.DEFAULT_NAME);
            file = Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
        }
        return file.isPresent() ? ConfigFile.read(file.get()) : ConfigFile.Config.defaults();
    }

    /** The config file's settings and policy with what the options add or override. */
    private static ManifestValidation engine(ConfigFile.Config config, ValidationOptions options) {
        List<Suppression> suppressions = new ArrayList<>(config.policy().suppressions());
        suppressions.addAll(options.suppressions());
        AnalysisSettings settings =
                options.namespace().map(config.settings()::withDefaultNamespace).orElse(config.settings());
        return new ManifestValidation()
                .config(new ConfigFile.Config(
                        settings, new FindingPolicy(config.policy().severities(), suppressions)))
                .failOn(options.failOn());
    }

    private static Rendering.RenderedRepository rendered(
            Path root, ValidationOptions options, String namespace, ConfigFile.Config config) throws IOException {
        try (CrdReadAhead crds = new CrdReadAhead()) {
            return new Rendering(options.renderLimits(), LoadLimits.defaults())
                    .whenRendered(crds)
                    .renderRepository(root, options.repository(), namespace, config.applications());
        }
    }

    /** What the applications that could not be rendered declare in their local files (see {@link UnrenderedFiles}). */
    private static List<Resource> unrendered(List<RenderedApplication> applications) {
        List<Resource> declared = new ArrayList<>();
        for (RenderedApplication application : applications) {
            if (application.failed()) {
                declared.addAll(application.unrendered());
            }
        }
        return declared;
    }
}
