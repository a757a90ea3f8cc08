package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.analysis.Finding;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadProblem;
import dev.meshgate.report.Report;
import dev.meshgate.validation.ManifestValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What cannot be rendered becomes a finding with the tool's message; everything else is still analysed. */
class RenderFailuresTest {

    @TempDir
    Path repository;

    private static final Rendering RENDERING = new Rendering(RenderLimits.defaults(), LoadLimits.defaults());

    private void write(String file, String text) throws IOException {
        Path path = repository.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private LoadProblem onlyProblem(Source source) {
        RenderedApplication rendered = RENDERING.render(repository, source, "default");
        assertThat(rendered.loaded().resources()).isEmpty();
        assertThat(rendered.loaded().problems()).hasSize(1);
        assertThat(rendered.loaded().problems().get(0).type()).isEqualTo(LoadProblem.Type.RENDER_FAILED);
        return rendered.loaded().problems().get(0);
    }

    @Test
    void aRemoteBaseIsRefusedBeforeKustomizeRunsAndLeavesTheApplicationUnanalysedNotFailed() throws IOException {
        write("app/kustomization.yaml", "resources:\n  - https://github.com/acme/bases//istio?ref=v1\n");

        RenderedApplication rendered = RENDERING.render(repository, Source.of(SourceType.KUSTOMIZE, "app"), "default");

        assertThat(rendered.loaded().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.type()).isEqualTo(LoadProblem.Type.NOT_ANALYSED);
            assertThat(problem.detail())
                    .contains("remote base", "github.com/acme/bases", "app/kustomization.yaml", "vendor it");
        });
        Report report = new ManifestValidation().reportApplications(List.of(rendered));
        assertThat(report.findings()).extracting(Finding::code).containsExactly("MG0008");
        assertThat(report.summary().passed())
                .as("Argo CD and Flux fetch remote bases: no reason to fail")
                .isTrue();
    }

    @Test
    void onlyAKustomizationThatIsReadAndNamesNoRemoteBaseRunsKustomize() throws IOException {
        write("remote/kustomization.yaml", "resources:\n  - github.com/acme/bases/istio?ref=v1\n");
        write("local/kustomization.yaml", "resources:\n  - service.yaml\n");
        write("local/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n");
        write("broken/kustomization.yaml", "resources: [unclosed\n");
        Files.createDirectories(repository.resolve("empty"));
        KustomizeRenderer refusing = new KustomizeRenderer(RenderLimits.defaults());
        KustomizeRenderer allowing =
                new KustomizeRenderer(RenderLimits.defaults().allowingRemoteBases(true));

        assertThat(refusing.runsKustomize(repository, repository.resolve("local")))
                .isTrue();
        assertThat(refusing.runsKustomize(repository, repository.resolve("remote")))
                .isFalse();
        assertThat(allowing.runsKustomize(repository, repository.resolve("remote")))
                .isTrue();
        assertThat(refusing.runsKustomize(repository, repository.resolve("broken")))
                .isFalse();
        assertThat(refusing.runsKustomize(repository, repository.resolve("empty")))
                .isFalse();
        assertThat(refusing.runsKustomize(repository, repository.resolve("local/../..")))
                .isFalse();
    }

    @Test
    void kustomizesOwnErrorIsTheFindingWithPathsOfTheRepository() throws IOException {
        write("app/kustomization.yaml", "resources:\n  - missing.yaml\n");

        LoadProblem problem = onlyProblem(Source.of(SourceType.KUSTOMIZE, "app"));

        assertThat(problem.detail()).contains("missing.yaml");
        assertThat(problem.detail())
                .doesNotContain(repository.toAbsolutePath().toString())
                .doesNotContain("meshgate-kustomize")
                .doesNotContainPattern("[EWIF]\\d{4} \\d{2}:\\d{2}");
        assertThat(problem.origin().file()).isEqualTo("app");
    }

    @Test
    void klogPrefixesAndWorkingFoldersAreLeftOutOfToolMessages() {
        String message = "E1201 22:04:20.841498   12345 run.go:72] error: accumulating resources from "
                + "'/tmp/meshgate-kustomize812/../" + repository.toAbsolutePath() + "/app/missing.yaml'\n"
                + "W1201 22:04:20.000001   12345 warn.go:9] deprecated field";

        assertThat(ToolMessages.clean(message, repository))
                .isEqualTo("error: accumulating resources from '../app/missing.yaml'\ndeprecated field");
        String relative = Path.of(System.getProperty("java.io.tmpdir"), "meshgate-kustomize1")
                .relativize(repository.toAbsolutePath())
                .toString();
        assertThat(ToolMessages.clean("accumulating resources from '" + relative + "/app'", repository))
                .isEqualTo("accumulating resources from 'app'");
    }

    @Test
    void invalidYamlThatAKustomizationOrAChartUsesStaysAnErrorWhileAPlainFolderSkipsIt() throws IOException {
        String invalid = "replicas: [3\nimage: web:1.0\n";
        write("app/kustomization.yaml", "resources:\n  - settings.yaml\n");
        write("app/settings.yaml", invalid);
        write("chart/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        write("chart/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n");
        write("chart/values-prod.yaml", invalid);
        write("plain/settings.yaml", invalid);
        write("plain/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n");
        Source chart = new Source(
                "chart",
                SourceType.HELM,
                "chart",
                null,
                false,
                null,
                null,
                List.of("values-prod.yaml"),
                null,
                null,
                null);

        onlyProblem(Source.of(SourceType.KUSTOMIZE, "app"));
        onlyProblem(chart);
        RenderedApplication plain = RENDERING.render(repository, Source.of(SourceType.DIRECTORY, "plain"), "default");

        assertThat(plain.loaded().problems()).isEmpty();
        assertThat(plain.loaded().resources()).hasSize(1);
        assertThat(plain.loaded().skippedFiles()).isEqualTo(1);
    }

    @Test
    void aSlowToolIsStoppedAtTheTimeLimit() throws IOException {
        write("app/kustomization.yaml", "resources: []\n");
        RenderLimits slow = RenderLimits.defaults()
                .withKustomizeCommand(List.of("sh", "-c", "sleep 5"))
                .within(Duration.ofMillis(200), 1024);
        Rendering rendering = new Rendering(slow, LoadLimits.defaults());

        RenderedApplication rendered = rendering.render(repository, Source.of(SourceType.KUSTOMIZE, "app"), "default");

        assertThat(rendered.loaded().problems().get(0).detail()).contains("took longer than PT0.2S");
    }

    @Test
    void aTemplateErrorIsTheFindingAndOtherApplicationsAreStillAnalysed() throws IOException {
        write("chart/Chart.yaml", "apiVersion: v2\nname: broken\nversion: 0.1.0\n");
        write("chart/templates/bad.yaml", "kind: {{ .Values.missing.field }}\n");
        write(
                "plain/service.yaml",
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n");

        List<RenderedApplication> applications = RENDERING.renderAll(repository, Optional.empty(), "default");
        Report report = new ManifestValidation().reportApplications(applications);

        assertThat(report.findings())
                .filteredOn(finding -> finding.code().equals("MG0007"))
                .singleElement()
                .satisfies(finding -> assertThat(finding.text()).contains("nil pointer", "missing"));
        assertThat(report.summary().resources()).isEqualTo(1);
        assertThat(report.findings()).extracting(Finding::application).contains("chart");
    }

    @Test
    void aHelmBinaryThatIsNotThereIsAFindingNotACrash() throws IOException {
        write("chart/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        write("chart/templates/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n");
        Rendering binary = new Rendering(
                RenderLimits.defaults().withHelmCommand(List.of("/nonexistent/helm")), LoadLimits.defaults());

        RenderedApplication rendered = binary.render(repository, Source.of(SourceType.HELM, "chart"), "default");

        assertThat(rendered.loaded().problems()).singleElement().satisfies(problem -> assertThat(problem.detail())
                .contains("/nonexistent/helm cannot be started"));
    }

    @Test
    void aDirectorySourceHonoursRecurseIncludeAndExclude() throws IOException {
        String service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: %s\nspec:\n  ports:\n    - port: 80\n";
        write("app/a.yaml", service.formatted("a"));
        write("app/b.yaml", service.formatted("b"));
        write("app/nested/c.yaml", service.formatted("c"));
        Source flat = new Source(
                "app",
                SourceType.DIRECTORY,
                "app",
                "shop",
                false,
                List.of("*.yaml"),
                List.of("b.yaml"),
                null,
                null,
                null,
                null);

        RenderedApplication rendered = RENDERING.render(repository, flat, "default");

        assertThat(rendered.loaded().resources())
                .extracting(resource -> resource.namespace() + "/" + resource.name())
                .containsExactly("shop/a");
        assertThat(rendered.loaded().resources().get(0).origin().file()).isEqualTo("app/a.yaml");
    }
}
