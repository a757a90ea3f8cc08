package dev.meshgate.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.ManifestFiles;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Resource;
import dev.meshgate.revision.RepositoryUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what Argo CD and Flux would apply from a checked-out tree: Argo CD Applications whose source is this
 * repository (app-of-apps included: every Application in the tree is found), Flux Kustomizations and HelmReleases
 * with a path in it; without any, the tree's top-level kustomizations and charts, and its plain files.
 */
public final class SourceDiscovery {

    private final ManifestLoader loader = new ManifestLoader(LoadLimits.defaults(), "default");
    private final DeclarationScreen screen;
    private final Map<Path, ManifestLoader.YamlTree> parsedKustomizations;

    /** Discovery that reads every manifest to find the few that may declare applications. */
    public SourceDiscovery() {
        this(DeclarationScreen.reading(), new HashMap<>());
    }

    /**
     * @param screen tells the files that may declare an application, remembering its verdicts or not
     * @param parsedKustomizations where the kustomization files discovery parses are kept, by path, for the run
     */
    SourceDiscovery(DeclarationScreen screen, Map<Path, ManifestLoader.YamlTree> parsedKustomizations) {
        this.screen = screen;
        this.parsedKustomizations = parsedKustomizations;
    }

    /**
     * @param repositoryUrl the repository's clone URL, to tell this repository's Applications from others'; empty to
     *     take every Application's source as this repository
     */
    public List<Source> discover(Path tree, Optional<RepositoryUrl> repositoryUrl) throws IOException {
        return discover(tree, repositoryUrl, List.of());
    }

    /** @param configured folders to take as applications besides those the tree declares (.meshgate.yaml) */
    public List<Source> discover(Path tree, Optional<RepositoryUrl> repositoryUrl, List<String> configured)
            throws IOException {
        return discoverAll(tree, repositoryUrl, configured).sources();
    }

    /**
     * What a repository deploys, and what of it meshgate cannot analyse.
     *
     * @param sources the applications to render
     * @param elsewhere applications the tree declares whose source is not in it (another repository, a Helm
     *     repository), one line each
     * @param unincluded manifest files that no application includes, relative to the root
     */
    public record Discovered(List<Source> sources, List<String> elsewhere, List<String> unincluded) {}

    /** Like {@link #discover}, with what the repository declares but meshgate does not render. */
    public Discovered discoverAll(Path tree, Optional<RepositoryUrl> repositoryUrl, List<String> configured)
            throws IOException {
        Path root = tree.toAbsolutePath().normalize();
        List<Source> declared = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        Set<String> declaringFiles = new LinkedHashSet<>();
        List<Path> files = ManifestFiles.under(root);
        for (Path file : files) {
            if (!screen.mayDeclare(file)) {
                continue;
            }
            String name = root.relativize(file).toString().replace('\\', '/');
            for (Resource resource : loader.loadFiles(root, List.of(file)).resources()) {
                List<Source> found = declaredBy(root, resource, name, repositoryUrl, elsewhere);
                if (!found.isEmpty() || isDeclaration(resource)) {
                    declaringFiles.add(name);
                }
                declared.addAll(found);
            }
        }
        screen.save();
        if (declared.isEmpty()) {
            // Nothing deploys from this tree as far as it says: render it by its layout, as a user would expect.
            List<Source> sources = configured.isEmpty()
                    ? LayoutDiscovery.discover(root, parsedKustomizations)
                    : configured.stream()
                            .map(path -> configuredSource(root, path))
                            .toList();
            return new Discovered(sources, List.of(), List.of());
        }
        configured.stream().map(path -> configuredSource(root, path)).forEach(declared::add);
        List<Source> sources = List.copyOf(new LinkedHashSet<>(declared));
        return new Discovered(
                sources, List.copyOf(elsewhere), Coverage.unincluded(root, files, sources, declaringFiles));
    }

    /** An Argo CD or Flux object that deploys something (this repository's or another's). */
    private static boolean isDeclaration(Resource resource) {
        String group = resource.apiVersion().split("/")[0];
        return group.equals("argoproj.io") || group.endsWith("toolkit.fluxcd.io");
    }

    private static List<Source> declaredBy(
            Path root, Resource resource, String file, Optional<RepositoryUrl> repositoryUrl, List<String> elsewhere) {
        String group = resource.apiVersion().split("/")[0];
        String kind = resource.kind().kind();
        String who = kind + " " + (resource.namespace().isEmpty() ? "" : resource.namespace() + "/") + resource.name()
                + " in " + file;
        JsonNode spec = resource.body().path("spec");
        if (group.equals("argoproj.io") && kind.equals("Application")) {
            List<JsonNode> sources = new ArrayList<>();
            if (spec.path("source").isObject()) {
                sources.add(spec.path("source"));
            }
            spec.path("sources").forEach(sources::add);
            String namespace = text(spec.path("destination").path("namespace"));
            List<Source> found = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                JsonNode source = sources.get(i);
                String path = text(source.path("path"));
                if (path == null || !sameRepository(text(source.path("repoURL")), repositoryUrl)) {
                    // a chart from a Helm repository, or another repository's folder
                    elsewhere.add(who + " ("
                            + Optional.ofNullable(text(source.path("repoURL"))).orElse("no repoURL")
                            + (path == null ? "" : " " + path) + ")");
                    continue;
                }
                if (repositoryUrl.isEmpty() && !Files.isDirectory(root.resolve(clean(path)))) {
                    // without the repository's URL, a folder this tree lacks marks another repository
                    elsewhere.add(who + " (" + text(source.path("repoURL")) + " " + path + ")");
                    continue;
                }
                String name = resource.name() + (sources.size() > 1 ? "#" + (i + 1) : "");
                found.add(argoSource(root, name, path, namespace, source, who).inCluster(argoCluster(spec)));
            }
            return found;
        }
        if (group.equals("kustomize.toolkit.fluxcd.io") && kind.equals("Kustomization")) {
            String path = Optional.ofNullable(text(spec.path("path"))).orElse("");
            SourceType type = Kustomization.fileIn(root.resolve(clean(path))) != null
                    ? SourceType.KUSTOMIZE
                    : SourceType.FLUX_FOLDER;
            return List.of(new Source(
                            resource.name(),
                            type,
                            clean(path),
                            text(spec.path("targetNamespace")),
                            true,
                            null,
                            null,
                            null,
                            null,
                            who,
                            fluxKustomize(spec))
                    .inCluster(fluxCluster(file)));
        }
        if (group.equals("helm.toolkit.fluxcd.io") && kind.equals("HelmRelease")) {
            JsonNode chart = spec.path("chart").path("spec");
            String path = text(chart.path("chart"));
            boolean inGit = "GitRepository".equals(text(chart.path("sourceRef").path("kind")));
            if (path == null || !inGit) {
                elsewhere.add(who + " (chart " + path + " from "
                        + text(chart.path("sourceRef").path("kind")) + " "
                        + text(chart.path("sourceRef").path("name")) + ")");
                return List.of(); // a chart from a Helm repository: not in this repository
            }
            String namespace =
                    Optional.ofNullable(text(spec.path("targetNamespace"))).orElse(resource.namespace());
            List<String> valueFiles = new ArrayList<>();
            chart.path("valuesFiles").forEach(value -> valueFiles.add(value.asText()));
            String values = spec.path("values").isObject() ? spec.path("values").toString() : null;
            return List.of(new Source(
                            resource.name(),
                            SourceType.HELM,
                            clean(path),
                            namespace,
                            true,
                            null,
                            null,
                            valueFiles,
                            values,
                            who,
                            null)
                    .inCluster(fluxCluster(file)));
        }
        return List.of();
    }

    private static Source argoSource(
            Path root, String name, String path, String namespace, JsonNode source, String who) {
        Path folder = root.resolve(clean(path));
        JsonNode helm = source.path("helm");
        if (helm.isObject() || Files.isRegularFile(folder.resolve("Chart.yaml"))) {
            List<String> valueFiles = new ArrayList<>();
            helm.path("valueFiles").forEach(value -> valueFiles.add(value.asText()));
            // valuesObject wins over values in Argo CD; JSON is YAML, so either goes into a values file as is.
            String values = HelmParameters.overlay(
                    helm.path("valuesObject").isObject()
                            ? helm.path("valuesObject").toString()
                            : text(helm.path("values")),
                    helm.path("parameters"));
            return new Source(
                    name, SourceType.HELM, clean(path), namespace, true, null, null, valueFiles, values, who, null);
        }
        if (source.path("kustomize").isObject() || Kustomization.fileIn(folder) != null) {
            return new Source(
                    name,
                    SourceType.KUSTOMIZE,
                    clean(path),
                    namespace,
                    true,
                    null,
                    null,
                    null,
                    null,
                    who,
                    argoKustomize(source.path("kustomize")));
        }
        JsonNode directory = source.path("directory");
        return new Source(
                name,
                SourceType.DIRECTORY,
                clean(path),
                namespace,
                directory.path("recurse").asBoolean(false),
                Optional.ofNullable(text(directory.path("include")))
                        .map(List::of)
                        .orElse(List.of()),
                Optional.ofNullable(text(directory.path("exclude")))
                        .map(List::of)
                        .orElse(List.of()),
                null,
                null,
                who,
                null);
    }

    /** The Application's destination cluster; the in-cluster one under either of its names. */
    private static String argoCluster(JsonNode spec) {
        String server = text(spec.path("destination").path("server"));
        String name = text(spec.path("destination").path("name"));
        if ("https://kubernetes.default.svc".equals(server)
                || "in-cluster".equals(name)
                || (server == null && name == null)) {
            return "argocd in-cluster";
        }
        return "argocd " + (name != null ? name : server);
    }

    /** Flux repositories keep one folder per cluster (clusters/production/...): the declaring file's folder names it. */
    private static String fluxCluster(String file) {
        int slash = file.lastIndexOf('/');
        return "flux " + (slash < 0 ? "." : file.substring(0, slash));
    }

    /** Argo CD's {@code spec.source.kustomize}: what it sets with {@code kustomize edit} before building. */
    private static KustomizeOptions argoKustomize(JsonNode kustomize) {
        java.util.Map<String, String> labels = new java.util.TreeMap<>();
        kustomize
                .path("commonLabels")
                .fields()
                .forEachRemaining(
                        label -> labels.put(label.getKey(), label.getValue().asText()));
        return new KustomizeOptions(
                text(kustomize.path("namePrefix")),
                text(kustomize.path("nameSuffix")),
                text(kustomize.path("namespace")),
                labels);
    }

    /** A Flux Kustomization's own transformations. */
    private static KustomizeOptions fluxKustomize(JsonNode spec) {
        return new KustomizeOptions(
                text(spec.path("namePrefix")), text(spec.path("nameSuffix")), text(spec.path("targetNamespace")), null);
    }

    /** A folder named in .meshgate.yaml, rendered as its layout says: a kustomization, a chart, or plain files. */
    private static Source configuredSource(Path root, String path) {
        Path folder = root.resolve(clean(path));
        SourceType type = Kustomization.fileIn(folder) != null
                ? SourceType.KUSTOMIZE
                : Files.isRegularFile(folder.resolve("Chart.yaml")) ? SourceType.HELM : SourceType.DIRECTORY;
        return Source.of(type, path);
    }

    private static boolean sameRepository(String declared, Optional<RepositoryUrl> repositoryUrl) {
        return declared == null
                || repositoryUrl.isEmpty()
                || repositoryUrl.get().isSameRepositoryAs(declared);
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static String clean(String path) {
        String text = path.replace('\\', '/');
        while (text.startsWith("./")) {
            text = text.substring(2);
        }
        return text.equals(".") ? "" : text;
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
