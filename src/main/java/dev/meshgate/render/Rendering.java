package dev.meshgate.render;

import dev.meshgate.files.FileHashes;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadProblem;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Origin;
import dev.meshgate.revision.RepositoryUrl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The render stage: renders one discovered application with the renderer of its type. Never throws: a render that
 * fails becomes a {@code RENDER_FAILED} problem of the application, which the analysis reports as a finding.
 */
public final class Rendering {

    private static final int PARALLEL_RENDERS = Math.max(2, Runtime.getRuntime().availableProcessors());
    // Charts one render worker renders in turn before another starts: see startOrder.
    static final int CHARTS_PER_TURN = 8;

    private final Map<SourceType, Renderer> renderers = new EnumMap<>(SourceType.class);
    private final RenderLimits limits;
    private final LoadLimits loadLimits;
    private final Optional<RenderCache> cache;
    private Consumer<RenderedApplication> whenRendered = application -> {};

    public Rendering(RenderLimits limits, LoadLimits loadLimits) {
        this.limits = limits;
        this.loadLimits = loadLimits;
        this.cache = limits.cache().map(settings -> new RenderCache(settings.folder(), settings.maxBytes()));
        renderers.put(SourceType.DIRECTORY, new DirectoryRenderer());
        KustomizeRenderer kustomize = new KustomizeRenderer(limits);
        renderers.put(SourceType.KUSTOMIZE, kustomize);
        renderers.put(SourceType.FLUX_FOLDER, new FluxFolderRenderer(kustomize));
        renderers.put(SourceType.HELM, new HelmRenderer(limits));
    }

    /**
     * Hands each application of a repository to the listener as soon as it is rendered (or read from the cache), on
     * the thread that rendered it, e.g. to prepare its analysis while the others render.
     */
    public Rendering whenRendered(Consumer<RenderedApplication> listener) {
        this.whenRendered = listener;
        return this;
    }

    /**
     * Discovers the tree's applications and renders each.
     *
     * @param repositoryUrl the repository's URL, to pick the Applications that deploy from it; empty to take all
     * @throws IOException when the tree cannot be read at all
     */
    public List<RenderedApplication> renderAll(
            Path root, Optional<RepositoryUrl> repositoryUrl, String defaultNamespace) throws IOException {
        return renderAll(root, repositoryUrl, defaultNamespace, List.of());
    }

    /** @param configured folders to render when nothing in the tree declares applications (.meshgate.yaml) */
    public List<RenderedApplication> renderAll(
            Path root, Optional<RepositoryUrl> repositoryUrl, String defaultNamespace, List<String> configured)
            throws IOException {
        return renderRepository(root, repositoryUrl, defaultNamespace, configured)
                .applications();
    }

    /**
     * What a repository deploys, rendered, and what it declares that meshgate does not render.
     *
     * @param applications the rendered applications
     * @param elsewhere applications whose source is not in the repository, one line each
     * @param unincluded manifest files no declared application includes
     * @param cache what the render cache served and stored, when one is used
     */
    public record RenderedRepository(
            List<RenderedApplication> applications,
            List<String> elsewhere,
            List<String> unincluded,
            Optional<RenderCache.Stats> cache) {

        /** A repository rendered without a cache. */
        public RenderedRepository(
                List<RenderedApplication> applications, List<String> elsewhere, List<String> unincluded) {
            this(applications, elsewhere, unincluded, Optional.empty());
        }
    }

    /** Discovers the tree's applications, renders each, and says what was left out. */
    public RenderedRepository renderRepository(
            Path root, Optional<RepositoryUrl> repositoryUrl, String defaultNamespace, List<String> configured)
            throws IOException {
        Path tree = root.toAbsolutePath().normalize();
        FileHashes hashes = cache.map(RenderCache::fileHashes).orElseGet(FileHashes::forOneRun);
        DeclarationScreen screen = cache.map(stored -> DeclarationScreen.rememberedIn(stored.screenedFiles(), hashes))
                .orElseGet(DeclarationScreen::reading);
        // The kustomizations discovery parses, which the render keys read again to find the files they name.
        Map<Path, ManifestLoader.YamlTree> kustomizations = new HashMap<>();
        SourceDiscovery.Discovered discovered =
                new SourceDiscovery(screen, kustomizations).discoverAll(tree, repositoryUrl, configured);
        List<RenderedApplication> applications = render(
                tree,
                discovered.sources(),
                defaultNamespace,
                new RenderKeys(tree, limits, loadLimits, hashes, kustomizations),
                hashes);
        cache.ifPresent(RenderCache::trim);
        return new RenderedRepository(
                applications, discovered.elsewhere(), discovered.unincluded(), cache.map(RenderCache::stats));
    }

    /** @param hashes the contents' hashes of this run, which discovery may have started */
    private List<RenderedApplication> render(
            Path tree, List<Source> sources, String defaultNamespace, RenderKeys keys, FileHashes hashes)
            throws IOException {
        List<RenderedApplication> rendered = new ArrayList<>(java.util.Collections.nCopies(sources.size(), null));
        UnrenderedFiles unrendered = new UnrenderedFiles();
        // Kustomize runs and render workers are processes of their own: as many at once as there are cores. Helm in
        // meshgate's own process stays on this thread, one chart at a time: its native library is not known to be
        // safe to enter concurrently.
        boolean helmHere = limits.helmCommand().isEmpty() && limits.helm() == RenderLimits.HelmProcess.IN_PROCESS;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Math.min(PARALLEL_RENDERS, sources.size())), task -> {
                    Thread thread = new Thread(task, "meshgate-render");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (List<Integer> turn : startOrder(sources, helmHere)) {
                Runnable rendering = () -> {
                    for (int index : turn) {
                        RenderedApplication application =
                                render(tree, sources.get(index), defaultNamespace, keys, unrendered);
                        whenRendered.accept(application);
                        rendered.set(index, application);
                    }
                };
                if (helmHere && sources.get(turn.get(0)).type() == SourceType.HELM) {
                    rendering.run();
                } else {
                    running.add(pool.submit(rendering));
                }
            }
            for (java.util.concurrent.Future<?> render : running) {
                render.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("rendering was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a renderer failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        hashes.save();
        return rendered;
    }

    /**
     * The renderings' turns, in the order they start: each turn renders its sources one after the other (the results
     * keep the sources' order). Charts rendered by workers start first: a worker's first chart waits about a second for
     * the worker to start, and discovery lists charts last, so on kubeflow/manifests the workers started after the last
     * kustomize run and left one core idle for two seconds. They take turns of up to {@link #CHARTS_PER_TURN}, each
     * served by one worker: a worker's start costs about 0.9 s of CPU, a chart in a started one 30-75 ms
     * ({@code bench-helm}). Charts rendered on the calling thread start last, one per turn, so that they run while the
     * pool renders the rest rather than before it starts.
     */
    static List<List<Integer>> startOrder(List<Source> sources, boolean helmHere) {
        List<Integer> charts = new ArrayList<>();
        List<List<Integer>> others = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).type() == SourceType.HELM) {
                charts.add(i);
            } else {
                others.add(List.of(i));
            }
        }
        List<List<Integer>> turns = new ArrayList<>();
        if (helmHere) {
            turns.addAll(others);
            charts.forEach(chart -> turns.add(List.of(chart)));
            return turns;
        }
        for (int first = 0; first < charts.size(); first += CHARTS_PER_TURN) {
            turns.add(List.copyOf(charts.subList(first, Math.min(charts.size(), first + CHARTS_PER_TURN))));
        }
        turns.addAll(others);
        return turns;
    }

    /** @param defaultNamespace the namespace of resources that name none, unless the application sets its own */
    public RenderedApplication render(Path root, Source source, String defaultNamespace) {
        return render(
                root,
                source,
                defaultNamespace,
                new RenderKeys(root, limits, loadLimits, FileHashes.forOneRun(), Map.of()),
                new UnrenderedFiles());
    }

    /** What the render cache served and stored so far, when one is used. */
    public Optional<RenderCache.Stats> cacheStats() {
        return cache.map(RenderCache::stats);
    }

    private RenderedApplication render(
            Path root, Source source, String defaultNamespace, RenderKeys keys, UnrenderedFiles unrendered) {
        String namespace = source.namespace() != null ? source.namespace() : defaultNamespace;
        ManifestLoader loader = new ManifestLoader(loadLimits, namespace);
        Optional<String> key = cache.isPresent() ? keys.key(source, namespace) : Optional.empty();
        try {
            if (key.isPresent()) {
                Optional<RenderedApplication> cached = cache.get().read(key.get(), source);
                if (cached.isPresent()) {
                    return cached.get();
                }
            }
            RenderedApplication loaded = withUnrendered(
                    unrendered,
                    root,
                    new RenderedApplication(source, renderers.get(source.type()).render(root, source, loader)),
                    namespace);
            key.ifPresent(stored -> cache.get().write(stored, loaded));
            return loaded;
        } catch (RenderException e) {
            RenderedApplication failed = withUnrendered(unrendered, root, failed(root, source, e), namespace);
            // The tool's own error recurs with the same files; a time limit on a busy machine may not.
            if (key.isPresent() && !e.isPassing()) {
                cache.get().write(key.get(), failed);
            }
            return failed;
        } catch (RuntimeException | LinkageError e) {
            // helm-java's native library, or a tool misbehaving in a way no message foresaw: still a finding.
            LoadProblem problem = new LoadProblem(
                    LoadProblem.Type.RENDER_FAILED,
                    Origin.of(source.path().isEmpty() ? "." : source.path()),
                    source.name() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return withUnrendered(
                    unrendered,
                    root,
                    new RenderedApplication(source, new LoadResult(List.of(), List.of(problem), 0)),
                    namespace);
        }
    }

    /** A failed application with what its local files declare, read here once rather than by every later run. */
    private static RenderedApplication withUnrendered(
            UnrenderedFiles unrendered, Path root, RenderedApplication application, String namespace) {
        return application.failed()
                ? new RenderedApplication(
                        application.source(),
                        application.loaded(),
                        unrendered.of(root, application.source(), namespace))
                : application;
    }

    private static RenderedApplication failed(Path root, Source source, RenderException e) {
        Origin where = Origin.of(
                source.declaredBy() != null
                        ? source.declaredBy().substring(source.declaredBy().lastIndexOf(" in ") + 4)
                        : (source.path().isEmpty() ? "." : source.path()));
        LoadProblem.Type type = e instanceof RemoteBaseRefusedException
                ? LoadProblem.Type.NOT_ANALYSED
                : LoadProblem.Type.RENDER_FAILED;
        String message = ToolMessages.clean(e.getMessage(), root);
        LoadProblem problem = new LoadProblem(type, where, source.name() + ": " + message);
        return new RenderedApplication(source, new LoadResult(List.of(), List.of(problem), 0));
    }
}
