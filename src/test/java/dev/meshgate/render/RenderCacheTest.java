package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.analysis.Finding;
import dev.meshgate.files.FileTrees;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.validation.ManifestValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The render cache, through the real kubectl kustomize and Helm: what did not change comes from the cache with its
 * origins, a change to any file a rendering reads (however deep in its bases) renders that application again, and an
 * entry that cannot be read is rendered again instead of trusted.
 */
class RenderCacheTest {

    @TempDir
    Path repository;

    @TempDir
    Path cacheFolder;

    private void write(String file, String text) throws IOException {
        Path path = repository.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private Rendering.RenderedRepository render(long maxBytes) throws IOException {
        RenderLimits limits = RenderLimits.defaults().cachedIn(cacheFolder, maxBytes);
        return new Rendering(limits, LoadLimits.defaults())
                .renderRepository(repository, Optional.empty(), "default", List.of());
    }

    private Rendering.RenderedRepository render() throws IOException {
        return render(1024L * 1024 * 1024);
    }

    private static RenderCache.Stats stats(Rendering.RenderedRepository rendered) {
        return rendered.cache().orElseThrow();
    }

    private static List<String> findings(Rendering.RenderedRepository rendered) {
        return new ManifestValidation()
                .reportApplications(rendered.applications()).findings().stream()
                        .map(RenderCacheTest::line)
                        .sorted()
                        .toList();
    }

    private static String line(Finding finding) {
        return finding.application() + " " + finding.code() + " " + finding.resource() + " " + finding.origin();
    }

    /** Two overlays of one base whose resources, patch and generated ConfigMap live in files of their own. */
    private void overlays() throws IOException {
        write("base/kustomization.yaml", "resources:\n  - routing.yaml\n  - ../shared\n");
        write("shared/kustomization.yaml", "resources:\n  - service.yaml\n");
        write(
                "base/routing.yaml",
                """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                spec:
                  host: reviews
                  subsets:
                    - name: v1
                      labels: {version: v1}
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: reviews
                spec:
                  hosts: [reviews]
                  http:
                    - route:
                        - destination: {host: reviews, subset: v1}
                """);
        write(
                "shared/service.yaml",
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\nspec:\n  selector: {app: reviews}\n"
                        + "  ports:\n    - name: http\n      port: 9080\n");
        for (String overlay : List.of("staging", "prod")) {
            write(
                    "overlays/" + overlay + "/kustomization.yaml",
                    "namespace: " + overlay + "\nresources:\n  - ../../base\npatches:\n  - path: subset.yaml\n"
                            + "configMapGenerator:\n  - name: settings\n    files:\n      - conf=settings.conf\n");
            write(
                    "overlays/" + overlay + "/subset.yaml",
                    "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\n"
                            + "spec:\n  subsets:\n    - name: v1\n      labels: {version: v1}\n");
            write("overlays/" + overlay + "/settings.conf", "level=info\n");
        }
    }

    @Test
    void anUnchangedRepositoryComesFromTheCacheWithTheSameFindingsAtTheSameLines() throws IOException {
        overlays();
        write(
                "overlays/prod/subset.yaml",
                Files.readString(repository.resolve("overlays/prod/subset.yaml"))
                        .replace("name: v1", "name: v2"));

        Rendering.RenderedRepository cold = render();
        Rendering.RenderedRepository warm = render();

        assertThat(stats(cold)).isEqualTo(new RenderCache.Stats(0, 2, 0));
        assertThat(stats(warm)).isEqualTo(new RenderCache.Stats(2, 0, 0));
        assertThat(findings(cold))
                .contains("overlays/prod IST0101 VirtualService prod/reviews base/routing.yaml:19:40");
        assertThat(findings(warm)).isEqualTo(findings(cold));
        assertThat(warm.applications().get(0).loaded().resources())
                .extracting(resource -> resource.origin("/metadata/namespace").file())
                .as("a field kustomize set points at the kustomization that set it, cached or not")
                .containsOnly("overlays/staging/kustomization.yaml");
    }

    @Test
    void aChangeDeepInABaseOrToAGeneratorsFileRendersOnlyTheApplicationsThatReadIt() throws IOException {
        overlays();
        render();

        write("overlays/prod/settings.conf", "level=debug\n");
        Rendering.RenderedRepository generatorChanged = render();
        write(
                "shared/service.yaml",
                Files.readString(repository.resolve("shared/service.yaml")).replace("9080", "9081"));
        Rendering.RenderedRepository sharedChanged = render();

        assertThat(stats(generatorChanged)).isEqualTo(new RenderCache.Stats(1, 1, 0));
        assertThat(generatorChanged.applications())
                .filteredOn(application -> application.source().name().equals("overlays/prod"))
                .singleElement()
                .satisfies(application -> assertThat(application.loaded().resources())
                        .filteredOn(resource -> resource.kind().kind().equals("ConfigMap"))
                        .singleElement()
                        .satisfies(
                                map -> assertThat(map.at("/data/conf").asText()).isEqualTo("level=debug\n")));
        assertThat(stats(sharedChanged)).isEqualTo(new RenderCache.Stats(0, 2, 0));
        assertThat(sharedChanged.applications().get(0).loaded().resources())
                .filteredOn(resource -> resource.kind().kind().equals("Service"))
                .singleElement()
                .satisfies(service ->
                        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(9081));
    }

    @Test
    void aChartsValuesFileChangeRendersItAgain() throws IOException {
        write("chart/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        write("chart/values.yaml", "name: first\n");
        write("chart/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n");

        Rendering.RenderedRepository cold = render();
        Rendering.RenderedRepository warm = render();
        write("chart/values.yaml", "name: second\n");
        Rendering.RenderedRepository changed = render();

        assertThat(stats(cold).misses()).isEqualTo(1);
        assertThat(stats(warm)).isEqualTo(new RenderCache.Stats(1, 0, 0));
        assertThat(stats(changed).misses()).isEqualTo(1);
        assertThat(changed.applications().get(0).loaded().resources())
                .extracting(resource -> resource.name())
                .containsExactly("second");
    }

    @Test
    void aPlainFolderIsRenderedAgainWhenAManifestChangesButNotForItsOtherFiles() throws IOException {
        write("apps/gateway.yaml", "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: ingress\n");
        write("apps/README.md", "first\n");
        write(".git/objects/pack/pack-1.pack", "first\n");

        Rendering.RenderedRepository cold = render();
        write("apps/README.md", "second\n");
        write(".git/objects/pack/pack-1.pack", "second\n");
        Rendering.RenderedRepository otherFilesChanged = render();
        write("apps/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n");
        Rendering.RenderedRepository manifestAdded = render();

        assertThat(cold.applications())
                .extracting(application -> application.source().type())
                .containsExactly(SourceType.DIRECTORY);
        assertThat(stats(otherFilesChanged)).isEqualTo(new RenderCache.Stats(1, 0, 0));
        assertThat(stats(manifestAdded)).isEqualTo(new RenderCache.Stats(0, 1, 0));
        assertThat(manifestAdded.applications().get(0).loaded().resources())
                .extracting(resource -> resource.name())
                .containsExactlyInAnyOrder("ingress", "web");
    }

    @Test
    void theRepositorysLooseManifestsAreNotRenderedAgainForAChangeInAFolderAnotherApplicationRenders()
            throws IOException {
        write("loose/gateway.yaml", "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: ingress\n");
        write("app/kustomization.yaml", "resources:\n  - service.yaml\n");
        write("app/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n");

        Rendering.RenderedRepository cold = render();
        write("app/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\n");
        Rendering.RenderedRepository applicationChanged = render();
        write("loose/gateway.yaml", "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: edge\n");
        Rendering.RenderedRepository looseChanged = render();

        assertThat(cold.applications())
                .extracting(application -> application.source().type())
                .containsExactly(SourceType.DIRECTORY, SourceType.KUSTOMIZE);
        assertThat(stats(applicationChanged))
                .as("the loose manifests come from the cache, the kustomization is rendered")
                .isEqualTo(new RenderCache.Stats(1, 1, 0));
        assertThat(applicationChanged.applications().get(1).loaded().resources())
                .extracting(resource -> resource.name())
                .containsExactly("shop");
        assertThat(stats(looseChanged)).isEqualTo(new RenderCache.Stats(1, 1, 0));
        assertThat(looseChanged.applications().get(0).loaded().resources())
                .extracting(resource -> resource.name())
                .containsExactly("edge");
    }

    @Test
    void anEntryThatCannotBeReadIsIgnoredAndRenderedAgain() throws IOException {
        overlays();
        Rendering.RenderedRepository cold = render();
        List<Path> entries = entries();
        assertThat(entries).hasSize(2);
        Files.writeString(
                entries.get(0),
                "{\"key\":\"" + entries.get(0).getFileName().toString().replace(".json", "")
                        + "\",\"resources\":[{\"apiVersion\":");
        Files.writeString(entries.get(1), "not json at all");

        Rendering.RenderedRepository again = render();

        assertThat(stats(again)).isEqualTo(new RenderCache.Stats(0, 2, 2));
        assertThat(findings(again)).isEqualTo(findings(cold));
        assertThat(stats(render())).isEqualTo(new RenderCache.Stats(2, 0, 0));
    }

    @Test
    void theCacheIsTrimmedToItsSizeLeastRecentlyUsedFirst() throws IOException {
        overlays();
        render();
        long oneEntry = Files.size(entries().get(0));

        render(oneEntry + oneEntry / 2);

        assertThat(entries()).hasSize(1);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.walk(cacheFolder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void aToolsOwnErrorIsKeptButATimeLimitIsNot() throws IOException {
        write("broken/kustomization.yaml", "resources:\n  - missing.yaml\n");

        Rendering.RenderedRepository cold = render();
        Rendering.RenderedRepository warm = render();

        assertThat(stats(cold)).isEqualTo(new RenderCache.Stats(0, 1, 0));
        assertThat(stats(warm)).isEqualTo(new RenderCache.Stats(1, 0, 0));
        assertThat(warm.applications().get(0).loaded().problems())
                .isEqualTo(cold.applications().get(0).loaded().problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.detail()).contains("missing.yaml"));
        assertThat(RenderException.passing("kubectl took longer than PT1S").isPassing())
                .isTrue();
        assertThat(new RenderException("accumulating resources").isPassing()).isFalse();
    }

    @Test
    void whatAFailedKustomizationDeclaresComesFromTheCacheWithItsLines() throws IOException {
        write("broken/kustomization.yaml", "namespace: shop\nresources:\n  - gateway.yaml\n  - missing.yaml\n");
        write(
                "broken/gateway.yaml",
                "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: ingress\nspec:\n"
                        + "  selector: {istio: ingressgateway}\n");

        Rendering.RenderedRepository cold = render();
        Rendering.RenderedRepository warm = render();

        assertThat(stats(warm)).isEqualTo(new RenderCache.Stats(1, 0, 0));
        for (Rendering.RenderedRepository rendered : List.of(cold, warm)) {
            RenderedApplication broken = rendered.applications().get(0);
            assertThat(broken.failed()).isTrue();
            assertThat(broken.unrendered()).singleElement().satisfies(gateway -> {
                assertThat(gateway.namespace() + "/" + gateway.name()).isEqualTo("shop/ingress");
                assertThat(gateway.origin("/spec/selector").toString()).isEqualTo("broken/gateway.yaml:6:3");
            });
        }
    }

    @Test
    void withoutACacheNothingIsStored() throws IOException {
        overlays();
        Rendering.RenderedRepository rendered = new Rendering(RenderLimits.defaults(), LoadLimits.defaults())
                .renderRepository(repository, Optional.empty(), "default", List.of());

        assertThat(rendered.cache()).isEmpty();
        assertThat(entries()).isEmpty();
        FileTrees.deleteRecursively(cacheFolder.resolve("v1"));
    }

    @Test
    void everyApplicationIsHandedOverAsItIsRenderedOrServed() throws IOException {
        write("base/kustomization.yaml", "resources:\n  - service.yaml\n");
        write(
                "base/service.yaml",
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n" + "    - port: 80\n");
        write("overlays/eu/kustomization.yaml", "resources:\n  - ../../base\nnamespace: eu\n");
        write("overlays/us/kustomization.yaml", "resources:\n  - ../../base\nnamespace: us\n");
        write("overlays/broken/kustomization.yaml", "resources:\n  - ../../missing\n");

        for (String run : List.of("rendered", "from the cache")) {
            List<RenderedApplication> heard = new CopyOnWriteArrayList<>();
            Rendering.RenderedRepository rendered = new Rendering(
                            RenderLimits.defaults().cachedIn(cacheFolder, 1L << 30), LoadLimits.defaults())
                    .whenRendered(heard::add)
                    .renderRepository(repository, Optional.empty(), "default", List.of());

            assertThat(stats(rendered).hits()).as(run).isEqualTo(run.equals("rendered") ? 0 : 3);
            assertThat(heard).as(run).containsExactlyInAnyOrderElementsOf(rendered.applications());
            assertThat(heard.stream().map(application -> application.source().path()))
                    .as(run)
                    .containsExactlyInAnyOrder("overlays/eu", "overlays/us", "overlays/broken");
            assertThat(heard.stream()
                            .filter(application -> !application.failed())
                            .flatMap(application -> application.loaded().resources().stream())
                            .map(resource -> resource.namespace() + "/" + resource.name()))
                    .as(run)
                    .containsExactlyInAnyOrder("eu/web", "us/web");
        }
    }
}
