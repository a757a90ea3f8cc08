package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.analysis.Finding;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.report.Report;
import dev.meshgate.revision.RepositoryUrl;
import dev.meshgate.validation.ManifestValidation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rendered samples of config-samples/rendered, through the real kubectl kustomize and Helm: each finding names its
 * application and points at the line (or template) a user has to change.
 */
class RenderedSamplesTest {

    private static final Path SAMPLES = Path.of("config-samples", "rendered");

    private static List<RenderedApplication> render(String sample) throws IOException {
        return new Rendering(RenderLimits.defaults(), LoadLimits.defaults())
                .renderAll(SAMPLES.resolve(sample), Optional.empty(), "default");
    }

    private static List<String> findings(List<RenderedApplication> applications) {
        Report report = new ManifestValidation().reportApplications(applications);
        return report.findings().stream().map(RenderedSamplesTest::line).toList();
    }

    private static String line(Finding finding) {
        return finding.application() + " " + finding.code() + " " + finding.resource() + " "
                + finding.origin().file() + ":" + finding.origin().line();
    }

    private static List<String> names(List<RenderedApplication> applications) {
        return applications.stream()
                .map(application -> application.source().name())
                .toList();
    }

    @Test
    void aPatchThatRenamesASubsetBreaksOnlyTheRenderedOverlay() throws IOException {
        List<RenderedApplication> applications = render("kustomize-overlays");

        assertThat(names(applications)).containsExactlyInAnyOrder("overlays/staging", "overlays/prod");
        assertThat(findings(applications))
                .containsExactly("overlays/prod IST0101 VirtualService prod/reviews base/routing.yaml:23");
    }

    @Test
    void theSamePlainFilesPassWhenNotRendered() throws IOException {
        Report report = new ManifestValidation().run(List.of(SAMPLES.resolve("kustomize-overlays")));

        assertThat(report.findings()).extracting(Finding::code).doesNotContain("IST0101");
    }

    @Test
    void aFieldAPatchChangedPointsAtThePatch() throws IOException {
        RenderedApplication prod = render("kustomize-overlays").stream()
                .filter(application -> application.source().name().equals("overlays/prod"))
                .findFirst()
                .orElseThrow();
        var rule = prod.loaded().resources().stream()
                .filter(resource -> resource.kind().kind().equals("DestinationRule"))
                .findFirst()
                .orElseThrow();

        assertThat(rule.namespace()).isEqualTo("prod");
        assertThat(rule.annotations()).doesNotContainKey("config.kubernetes.io/origin");
        assertThat(rule.origin("/spec/subsets/0/name").toString()).isEqualTo("overlays/prod/stable-subset.yaml:7:7");
        assertThat(rule.origin("/spec/host").toString()).isEqualTo("base/routing.yaml:6:3");
        assertThat(rule.origin("/metadata/namespace").file()).isEqualTo("overlays/prod/kustomization.yaml");
    }

    @Test
    void helmValuesThatRouteToAMissingVersionBreakTheirApplicationOnly() throws IOException {
        List<RenderedApplication> applications = render("helm-chart");

        assertThat(names(applications)).containsExactly("reviews", "reviews-canary");
        assertThat(applications.get(0).loaded().resources()).hasSize(5);
        assertThat(findings(applications))
                .containsExactly("reviews-canary IST0101 VirtualService canary/reviews-canary "
                        + "charts/reviews/templates/virtualservice.yaml:0");
    }

    @Test
    void anAppOfAppsFindsEveryApplicationOfThisRepositoryAndResolvesAcrossThem() throws IOException {
        List<RenderedApplication> applications = render("argocd-app-of-apps");

        assertThat(names(applications)).containsExactlyInAnyOrder("root", "frontend", "reviews");
        assertThat(applications.stream()
                        .filter(application -> application.source().name().equals("reviews"))
                        .findFirst()
                        .orElseThrow()
                        .source()
                        .namespace())
                .isEqualTo("bookinfo");
        assertThat(findings(applications))
                .containsExactly("frontend IST0101 VirtualService web/shop workloads/frontend/gateway.yaml:30");
    }

    @Test
    void anApplicationOfAnotherRepositoryIsLeftOutWhenTheUrlIsKnown() throws Exception {
        List<RenderedApplication> applications = new Rendering(RenderLimits.defaults(), LoadLimits.defaults())
                .renderAll(
                        SAMPLES.resolve("argocd-app-of-apps"),
                        Optional.of(RepositoryUrl.parse("https://GIT.example.com/acme/platform")),
                        "default");

        assertThat(names(applications)).containsExactlyInAnyOrder("root", "frontend", "reviews");
    }

    @Test
    void aFluxRepositoryRendersItsKustomizationsAndHelmReleases() throws IOException {
        List<RenderedApplication> applications = render("flux");

        assertThat(names(applications)).containsExactlyInAnyOrder("reviews", "ratings");
        assertThat(findings(applications))
                .containsExactly("ratings IST0101 VirtualService ratings/ratings "
                        + "charts/reviews/templates/virtualservice.yaml:0");
    }
}
