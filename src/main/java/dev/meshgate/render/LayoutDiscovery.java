package dev.meshgate.render;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.ManifestFiles;
import dev.meshgate.manifest.ManifestLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The applications of a repository that declares none (no Argo CD or Flux object, no {@code applications:}): each
 * kustomization no other one builds on and each chart, then the plain files outside them as one directory source.
 *
 * <p>They all live in one cluster, except overlays of one base: those are alternatives (one per environment), so each
 * is analysed with the applications that are not overlays of that base, and with the overlays of other bases that
 * carry the same folder name ({@code dev} with {@code dev}).
 */
final class LayoutDiscovery {

    private static final String VARIANT = "variant ";

    private LayoutDiscovery() {}

    /** @param parsed the kustomization files parsed so far, by path; the files this discovery parses are added */
    static List<Source> discover(Path root, Map<Path, ManifestLoader.YamlTree> parsed) throws IOException {
        Set<Path> kustomizations = new LinkedHashSet<>();
        Set<Path> charts = new LinkedHashSet<>();
        try (var walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (root.relativize(path).toString().startsWith(".") && !path.equals(root)) {
                    continue;
                }
                if (Files.isRegularFile(path)
                        && Kustomization.FILE_NAMES.contains(path.getFileName().toString())) {
                    kustomizations.add(path.getParent());
                } else if (Files.isRegularFile(path)
                        && path.getFileName().toString().equals("Chart.yaml")) {
                    charts.add(path.getParent());
                }
            }
        }
        Set<Path> used = new LinkedHashSet<>();
        Set<Path> components = new LinkedHashSet<>();
        Map<Path, Set<Path>> basesOf = new LinkedHashMap<>();
        ManifestLoader loader = new ManifestLoader(LoadLimits.defaults(), "default");
        for (Path folder : kustomizations) {
            try {
                Kustomization tree = Kustomization.read(root, folder, loader, parsed);
                if (tree.isComponent()) {
                    components.add(folder);
                }
                components.addAll(tree.componentFolders());
                Set<Path> bases = new LinkedHashSet<>(tree.localFolders());
                bases.remove(folder);
                used.addAll(bases);
                basesOf.put(folder, bases);
            } catch (RenderException e) {
                // an unreadable kustomization is still rendered, so that its error becomes a finding
                basesOf.put(folder, Set.of());
            }
        }
        List<Path> applications = new ArrayList<>();
        List<String> rendered = new ArrayList<>();
        for (Path folder : kustomizations) {
            rendered.add(relative(root, folder));
            if (!used.contains(folder)
                    && !components.contains(folder)
                    && charts.stream().noneMatch(folder::startsWith)) {
                applications.add(folder);
            }
        }
        Map<Path, String> variants = variants(root, applications, basesOf, components);
        List<Source> sources = new ArrayList<>();
        for (Path folder : applications) {
            Source source = Source.of(SourceType.KUSTOMIZE, relative(root, folder));
            sources.add(variants.containsKey(folder) ? source.inCluster(VARIANT + variants.get(folder)) : source);
        }
        for (Path chart : charts) {
            rendered.add(relative(root, chart));
            if (charts.stream().noneMatch(other -> !other.equals(chart) && chart.startsWith(other))) {
                sources.add(Source.of(SourceType.HELM, relative(root, chart)));
            }
        }
        List<String> exclude = rendered.stream()
                .map(folder -> folder.isEmpty() ? "**" : folder + "/**")
                .toList();
        boolean plainFilesLeft = ManifestFiles.under(root).stream()
                .map(file -> relative(root, file))
                .anyMatch(file ->
                        rendered.stream().noneMatch(folder -> folder.isEmpty() || file.startsWith(folder + "/")));
        if (plainFilesLeft || sources.isEmpty()) {
            sources.add(
                    0, new Source(".", SourceType.DIRECTORY, "", null, true, null, exclude, null, null, null, null));
        }
        return sources;
    }

    /**
     * The overlays that share a base with another one, each with the name of the environment it stands for: its
     * folder's name, or its whole path when two overlays of one base share a folder name.
     */
    private static Map<Path, String> variants(
            Path root, List<Path> applications, Map<Path, Set<Path>> basesOf, Set<Path> components) {
        Map<Path, Path> family = new HashMap<>();
        Map<Path, Path> firstUser = new HashMap<>();
        for (Path application : applications) {
            family.put(application, application);
        }
        for (Path application : applications) {
            for (Path base : basesOf.getOrDefault(application, Set.of())) {
                if (components.contains(base)) {
                    continue; // a component mixed into unrelated applications makes them no alternatives
                }
                Path other = firstUser.putIfAbsent(base, application);
                if (other != null) {
                    family.put(find(family, application), find(family, other));
                }
            }
        }
        Map<Path, List<Path>> members = new LinkedHashMap<>();
        for (Path application : applications) {
            members.computeIfAbsent(find(family, application), key -> new ArrayList<>())
                    .add(application);
        }
        Map<Path, String> variants = new HashMap<>();
        for (List<Path> overlays : members.values()) {
            if (overlays.size() < 2) {
                continue;
            }
            Map<String, Long> names = new HashMap<>();
            overlays.forEach(overlay -> names.merge(overlay.getFileName().toString(), 1L, Long::sum));
            for (Path overlay : overlays) {
                String name = overlay.getFileName().toString();
                variants.put(overlay, names.get(name) == 1 ? name : relative(root, overlay));
            }
        }
        return variants;
    }

    private static Path find(Map<Path, Path> family, Path member) {
        Path parent = family.get(member);
        return parent.equals(member) ? member : find(family, parent);
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
