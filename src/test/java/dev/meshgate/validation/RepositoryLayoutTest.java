package dev.meshgate.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Severity;
import dev.meshgate.render.Source;
import dev.meshgate.testing.TreeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a repository deploys is found and rendered as its GitOps tool would, through the one entry point: Flux's
 * folder rules, Components, charts that render nothing, and applications that share one cluster.
 */
class RepositoryLayoutTest {

    @TempDir
    Path repository;

    private void write(String file, String text) throws IOException {
        TreeFiles.write(repository, file, text);
    }

    /** A base whose VirtualService binds the Gateway shop/public, and a dev and a prod overlay of it. */
    private void writeOverlaysOfOneBase() throws IOException {
        write("app/base/kustomization.yaml", "resources: [service.yaml, vs.yaml]\n");
        write("app/base/service.yaml", SERVICE);
        write("app/base/vs.yaml", REVIEWS_ON_PUBLIC);
        write("app/overlays/dev/kustomization.yaml", "resources: [../../base]\n");
        write("app/overlays/prod/kustomization.yaml", "resources: [../../base]\n");
    }

    private ValidationResult validate() throws Exception {
        return RepositoryValidation.validate(repository, ValidationOptions.defaults());
    }

    /** Errors and warnings: what a repository deploys correctly may still leave references unverified (info). */
    private static List<String> findings(ValidationResult result) {
        return result.report().findings().stream()
                .filter(finding -> finding.severity() != dev.meshgate.analysis.Severity.INFO)
                .map(finding -> finding.code() + " " + finding.origin().file() + ":"
                        + finding.origin().line())
                .toList();
    }

    /** "SEVERITY Kind namespace/name" of each finding with the code. */
    private static List<String> severities(List<Finding> findings, String code) {
        return findings.stream()
                .filter(finding -> finding.code().equals(code))
                .map(finding -> finding.severity() + " " + finding.resource())
                .toList();
    }

    private static final String FLUX_APPS =
            """
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: apps, namespace: flux-system}
            spec:
              path: ./apps
              sourceRef: {kind: GitRepository, name: flux-system}
            """;

    private static final String DESTINATION_RULE =
            """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews, namespace: shop}
            spec:
              host: reviews
              subsets:
                - name: v1
                  labels: {version: v1}
            """;

    private static final String ROUTE_TO_V2 =
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews, namespace: shop}
            spec:
              hosts: [reviews]
              http:
                - route:
                    - destination: {host: reviews, subset: v2}
            """;

    /** The VirtualService shop/reviews, bound to the Gateway shop/public. */
    private static final String REVIEWS_ON_PUBLIC =
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews, namespace: shop}
            spec:
              hosts: [reviews.example.com]
              gateways: [shop/public]
              http:
                - route:
                    - destination: {host: reviews}
            """;

    /** The Gateway shop/public, which the base's VirtualService binds. */
    private static final String PUBLIC_GATEWAY =
            """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: public, namespace: shop}
            spec:
              selector: {istio: ingressgateway}
              servers:
                - port: {number: 80, name: http, protocol: HTTP}
                  hosts: ["*.example.com"]
            """;

    /** A VirtualService that binds a Gateway no combination of applications defines (a typo of shop/public). */
    private static final String MISSPELT_GATEWAY =
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: preview, namespace: shop}
            spec:
              hosts: [preview.example.com]
              gateways: [shop/pubilc]
              http:
                - route:
                    - destination: {host: reviews}
            """;

    private static final String SERVICE =
            """
            apiVersion: v1
            kind: Service
            metadata: {name: reviews, namespace: shop}
            spec:
              selector: {app: reviews}
              ports: [{name: http, port: 9080}]
            """;

    @Test
    void aHelmChartThatRendersNothingIsAValidEmptyApplication() throws Exception {
        write("chart/Chart.yaml", "apiVersion: v2\nname: optional\nversion: 0.1.0\n");
        write("chart/values.yaml", "enabled: false\n");
        write(
                "chart/templates/config.yaml",
                "{{- if .Values.enabled }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n{{- end }}\n");

        ValidationResult result = validate();

        assertThat(findings(result)).isEmpty();
        assertThat(result.report().summary().passed()).isTrue();
    }

    @Test
    void aKustomizeComponentIsAnalysedThroughTheKustomizationsThatIncludeIt() throws Exception {
        write(
                "components/v2/kustomization.yaml",
                "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"
                        + "patches:\n  - path: subset.yaml\n");
        write(
                "components/v2/subset.yaml",
                "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: reviews, namespace: shop}\n"
                        + "spec:\n  subsets:\n    - name: v2\n      labels: {version: v2}\n");
        write(
                "app/kustomization.yaml",
                "resources: [dr.yaml, vs.yaml, service.yaml]\ncomponents: [../components/v2]\n");
        write("app/dr.yaml", DESTINATION_RULE);
        write("app/vs.yaml", ROUTE_TO_V2);
        write("app/service.yaml", SERVICE);

        ValidationResult result = validate();

        assertThat(result.applications()).extracting(Source::path).containsExactly("app");
        assertThat(findings(result)).isEmpty();
    }

    @Test
    void aFluxFolderWithoutKustomizationTakesItsManifestsAndItsSubfoldersAsKustomizations() throws Exception {
        write("clusters/prod/apps.yaml", FLUX_APPS);
        write("apps/routing/vs.yaml", ROUTE_TO_V2);
        write("apps/routing/values.yaml", "replicas: 2\nimage: {tag: v2}\n");
        write("apps/reviews/kustomization.yaml", "resources: [dr.yaml, service.yaml]\npatches:\n  - path: v2.yaml\n");
        write("apps/reviews/dr.yaml", DESTINATION_RULE);
        write("apps/reviews/service.yaml", SERVICE);
        write(
                "apps/reviews/v2.yaml",
                "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: reviews, namespace: shop}\n"
                        + "spec:\n  subsets:\n    - name: v2\n      labels: {version: v2}\n");

        ValidationResult result = validate();

        assertThat(result.applications()).singleElement().satisfies(source -> assertThat(source.describe())
                .startsWith("apps (flux folder apps, "));
        assertThat(findings(result)).isEmpty();
        assertThat(result.report().summary().resources()).isEqualTo(3);
    }

    @Test
    void aFluxFolderStillReportsWhatItsPatchesBreak() throws Exception {
        write("clusters/prod/apps.yaml", FLUX_APPS);
        write("apps/vs.yaml", ROUTE_TO_V2);
        write("apps/reviews/kustomization.yaml", "resources: [dr.yaml, service.yaml]\n");
        write("apps/reviews/dr.yaml", DESTINATION_RULE);
        write("apps/reviews/service.yaml", SERVICE);

        assertThat(findings(validate())).containsExactly("IST0101 apps/vs.yaml:8");
    }

    @Test
    void overlaysOfOneBaseAreAlternativesThatEachMeetTheRestOfTheRepository() throws Exception {
        write("istio/kustomization.yaml", "resources: [gateway.yaml]\n");
        write("istio/gateway.yaml", PUBLIC_GATEWAY);
        writeOverlaysOfOneBase();

        ValidationResult result = validate();

        assertThat(result.applications())
                .extracting(Source::path)
                .containsExactlyInAnyOrder("istio", "app/overlays/dev", "app/overlays/prod");
        assertThat(findings(result))
                .as("the gateway resolves, the overlays hold no duplicates")
                .isEmpty();
    }

    @Test
    void aGatewayMissingFromTheRepositoryIsStillFoundMissingInEachOverlay() throws Exception {
        writeOverlaysOfOneBase();

        List<Finding> findings = validate().report().findings();

        assertThat(findings).extracting(Finding::code).containsOnly("IST0101");
        assertThat(findings)
                .extracting(Finding::application)
                .containsExactlyInAnyOrder("app/overlays/dev", "app/overlays/prod");
    }

    @Test
    void aReferenceThatOnlyAnAggregatingKustomizationResolvesIsUnverifiedInTheOverlaysBesideIt() throws Exception {
        // platform/ deploys the prod overlay with the shared Gateway; dev is an alternative to it, not beside it
        writeOverlaysOfOneBase();
        write("istio/kustomization.yaml", "resources: [gateway.yaml]\n");
        write("istio/gateway.yaml", PUBLIC_GATEWAY);
        write("platform/kustomization.yaml", "resources: [../app/overlays/prod, ../istio]\n");
        write("app/overlays/dev/kustomization.yaml", "resources: [../../base, typo.yaml]\n");
        write("app/overlays/dev/typo.yaml", MISSPELT_GATEWAY);

        ValidationResult result = validate();

        assertThat(result.applications())
                .extracting(Source::path)
                .containsExactlyInAnyOrder("platform", "app/overlays/dev");
        assertThat(findings(result))
                .as("the gateway no combination defines is still missing, at its line")
                .containsExactly("IST0101 app/overlays/dev/typo.yaml:6");
        assertThat(result.report().findings())
                .filteredOn(finding -> finding.code().equals("MG2003")
                        && finding.resource().toString().contains("VirtualService"))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.application()).isEqualTo("app/overlays/dev");
                    assertThat(finding.origin().file()).isEqualTo("app/base/vs.yaml");
                    assertThat(finding.text()).contains("shop/public", "alternative overlays");
                });
    }

    @Test
    void aReferenceIntoAnApplicationThatCouldNotBeRenderedIsUnverifiedNotMissing() throws Exception {
        // platform/ pulls a remote base, so it is not analysed; its local files still hold the shared Gateway
        write("istio/kustomization.yaml", "namespace: shop\nresources: [gateway.yaml]\n");
        write("istio/gateway.yaml", PUBLIC_GATEWAY.replace(", namespace: shop", ""));
        write(
                "platform/kustomization.yaml",
                "resources:\n  - ../istio\n  - https://github.com/example/addons//base?ref=v1.0.0\n");
        write("app/kustomization.yaml", "resources: [service.yaml, vs.yaml, typo.yaml]\n");
        write("app/service.yaml", SERVICE);
        write("app/vs.yaml", REVIEWS_ON_PUBLIC);
        write("app/typo.yaml", MISSPELT_GATEWAY);

        ValidationResult result = validate();

        assertThat(findings(result))
                .as("the platform is not analysed (a warning); the misspelt gateway is still missing")
                .containsExactlyInAnyOrder("MG0008 platform:0", "IST0101 app/typo.yaml:6");
        assertThat(result.report().findings())
                .filteredOn(finding -> finding.code().equals("MG2003"))
                .extracting(finding -> finding.origin().file() + " " + finding.text())
                .anySatisfy(text -> assertThat(text).startsWith("app/vs.yaml").contains("could not be rendered"));
    }

    @Test
    void theSameObjectFromTwoApplicationsThatNothingDeclaresTogetherIsAWarningWithinOneAnErrorStays() throws Exception {
        // a chart and kustomize manifests that install one component two ways
        write("chart/Chart.yaml", "apiVersion: v2\nname: reviews\nversion: 1.0.0\n");
        write("chart/templates/service.yaml", SERVICE);
        write("manifests/kustomization.yaml", "resources: [service.yaml, again.yaml]\n");
        write("manifests/service.yaml", SERVICE);
        write("manifests/again.yaml", DESTINATION_RULE + "---\n" + DESTINATION_RULE.replace("v1", "v2"));

        List<Finding> findings = validate().report().findings();

        assertThat(severities(findings, "MG0006"))
                .containsExactlyInAnyOrder("WARNING Service shop/reviews", "ERROR DestinationRule shop/reviews");
    }

    @Test
    void looseFilesThatDefineOneObjectAreAlternativesUnlessOneFileOrADeclaredApplicationHoldsBoth() throws Exception {
        // Istio's samples keep variants of one VirtualService side by side, each meant to be applied alone
        write("bookinfo/rule-v1.yaml", DESTINATION_RULE);
        write("bookinfo/rule-v2.yaml", DESTINATION_RULE.replace("v1", "v2"));
        write("demo/service.yaml", SERVICE + "---\n" + SERVICE.replace("9080", "9090"));

        List<Finding> loose = validate().report().findings();

        assertThat(severities(loose, "MG0006"))
                .containsExactlyInAnyOrder("WARNING DestinationRule shop/reviews", "ERROR Service shop/reviews");
        assertThat(loose)
                .filteredOn(finding -> finding.severity() == Severity.WARNING)
                .extracting(Finding::text)
                .singleElement(STRING)
                .contains("different plain YAML files");

        write(
                "apps/bookinfo.yaml",
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: bookinfo, namespace: argocd}
                spec:
                  source: {repoURL: https://example.com/config.git, path: bookinfo}
                  destination: {server: https://kubernetes.default.svc, namespace: shop}
                """);

        assertThat(severities(validate().report().findings(), "MG0006"))
                .as("an Argo CD Application applies the folder as a whole: both copies reach the cluster")
                .contains("ERROR DestinationRule shop/reviews");
    }

    @Test
    void gatewaysThatConflictFromDifferentFoldersOfLooseFilesAreExamplesWithinOneFolderAConflict() throws Exception {
        String gateway =
                """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: NAME, namespace: shop}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                    - port: {number: 80, name: http, protocol: HTTP}
                      hosts: ["*"]
                """;
        write("helloworld/gateway.yaml", gateway.replace("NAME", "helloworld"));
        write("httpbin/gateway.yaml", gateway.replace("NAME", "httpbin"));

        assertThat(severities(validate().report().findings(), "IST0145"))
                .containsExactlyInAnyOrder("WARNING Gateway shop/helloworld", "WARNING Gateway shop/httpbin");

        write("httpbin/second.yaml", gateway.replace("NAME", "httpbin-2"));

        assertThat(severities(validate().report().findings(), "IST0145"))
                .as("httpbin's two Gateways are applied together with their folder; helloworld's only conflicts with"
                        + " another folder's")
                .containsExactlyInAnyOrder(
                        "WARNING Gateway shop/helloworld",
                        "ERROR Gateway shop/httpbin",
                        "ERROR Gateway shop/httpbin-2");
    }

    @Test
    void aChartNothingInstallsPutsItsReleaseNamespaceWhereverHelmInstallsIt() throws Exception {
        // the workshop's README says `helm install shop ./chart -n workshop`; nothing in the repository says it
        write("chart/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 1.0.0\n");
        write(
                "chart/templates/service.yaml",
                """
                apiVersion: v1
                kind: Service
                metadata:
                  name: catalog
                  namespace: {{ .Release.Namespace }}
                spec:
                  selector: {app: catalog}
                  ports: [{name: http, port: 3000}]
                """);
        write(
                "mesh/catalog.yaml",
                """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: catalog, namespace: workshop}
                spec:
                  hosts: [catalog]
                  http:
                    - route:
                        - destination: {host: catalog, port: {number: 3000}}
                """);

        ValidationResult result = validate();

        assertThat(findings(result))
                .as("catalog.workshop is served once installed there")
                .isEmpty();
        assertThat(result.report().findings())
                .extracting(Finding::text)
                .noneMatch(text -> text.contains("meshgate-release-namespace"));
    }

    @Test
    void aGatewayNamedByAVirtualServiceWithoutNamespaceResolvesWhereverItIsApplied() throws Exception {
        write("gateways/kustomization.yaml", "resources: [gateway.yaml]\n");
        // the Service comes without a namespace, as the VirtualServices do: all of it is applied with -n platform
        write("ui/kustomization.yaml", "resources: [service.yaml]\n");
        write("ui/service.yaml", SERVICE.replace("reviews", "ui").replace("namespace: shop", "labels: {}"));
        write(
                "gateways/gateway.yaml",
                """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: platform-gateway, namespace: platform}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                    - port: {number: 80, name: http, protocol: HTTP}
                      hosts: ["*"]
                """);
        write("options/istio/kustomization.yaml", "resources: [vs.yaml]\n");
        write(
                "options/istio/vs.yaml",
                """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: ui}
                spec:
                  hosts: ["*"]
                  gateways: [platform-gateway]
                  http:
                    - route:
                        - destination: {host: ui.platform.svc.cluster.local}
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: api}
                spec:
                  hosts: ["*"]
                  gateways: [platform-gatewy]
                  http:
                    - route:
                        - destination: {host: ui.platform.svc.cluster.local}
                """);

        ValidationResult result = validate();

        assertThat(findings(result))
                .as(
                        "a gateway and a Service of those names exist without a fixed namespace; a misspelt gateway nowhere")
                .containsExactly("IST0101 options/istio/vs.yaml:16");
        assertThat(result.report().findings())
                .filteredOn(finding -> finding.code().equals("MG2003"))
                .extracting(Finding::text)
                .anySatisfy(text -> assertThat(text).contains("platform-gateway", "sets no namespace"))
                .anySatisfy(text -> assertThat(text).contains("ui.platform.svc.cluster.local", "without a namespace"));
    }

    private static final String APPLICATIONS =
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: web, namespace: argocd}
            spec:
              source: {repoURL: https://git.example.com/acme/mesh.git, path: apps/web}
              destination: {server: https://kubernetes.default.svc, namespace: shop}
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: ingress, namespace: argocd}
            spec:
              source: {repoURL: https://charts.example.com, chart: ingress, targetRevision: 1.2.3}
              destination: {server: https://kubernetes.default.svc, namespace: ingress}
            """;

    @Test
    void whatTheRepositoryDeploysFromElsewhereAndFilesNoApplicationIncludesAreCountedNotSilentlyPassed()
            throws Exception {
        write("argocd/apps.yaml", APPLICATIONS);
        write("apps/web/service.yaml", SERVICE);
        write("legacy/vs.yaml", ROUTE_TO_V2);
        write("legacy/values.yaml", "replicas: 2\n");

        ValidationResult result = validate();

        assertThat(result.applications()).extracting(Source::name).containsExactly("web");
        assertThat(result.elsewhere()).singleElement().asString().contains("argocd/ingress", "charts.example.com");
        assertThat(result.unincluded()).containsExactly("legacy/vs.yaml");
        assertThat(result.notes())
                .anyMatch(note -> note.startsWith("1 application deploys from elsewhere"))
                .anyMatch(note -> note.startsWith("1 manifest file belongs to no application"));
        assertThat(findings(result)).isEmpty();
    }

    @Test
    void aFolderNamedInTheConfigFileIsAnalysedBesidesTheDeclaredApplications() throws Exception {
        write("argocd/apps.yaml", APPLICATIONS);
        write("apps/web/service.yaml", SERVICE);
        write("legacy/vs.yaml", ROUTE_TO_V2);
        write(".meshgate.yaml", "applications: [legacy]\n");

        ValidationResult result = validate();

        assertThat(result.unincluded()).isEmpty();
        assertThat(findings(result)).contains("IST0101 legacy/vs.yaml:8");
    }

    @Test
    void whatAnApplicationSharedByAlternativeOverlaysYieldsIsReportedOnce() throws Exception {
        write("plain/service.yaml", SERVICE);
        write("plain/copy.yaml", SERVICE);
        write("app/base/kustomization.yaml", "resources: [dr.yaml]\n");
        write("app/base/dr.yaml", DESTINATION_RULE);
        write("app/extra/kustomization.yaml", "resources: [service.yaml]\n");
        write("app/extra/service.yaml", SERVICE);
        write("app/overlays/dev/kustomization.yaml", "resources: [../../base, ../../extra]\n");
        write("app/overlays/prod/kustomization.yaml", "resources: [../../base]\n");

        List<Finding> duplicates = validate().report().findings().stream()
                .filter(finding -> finding.code().equals("MG0006"))
                .toList();

        assertThat(duplicates)
                .extracting(finding -> finding.origin().file() + " " + finding.application())
                .as("each copy's duplicate once, though dev also meets the copy in app/extra")
                .containsOnlyOnce("plain/service.yaml .");
    }

    @Test
    void aFindingInAHelmTemplateHasALineOnlyWhereTheTemplateHoldsThatLine() throws Exception {
        write("chart/Chart.yaml", "apiVersion: v2\nname: labels\nversion: 0.1.0\n");
        write("chart/values.yaml", "team: shop\n");
        write("chart/templates/_labels.tpl", "{{- define \"labels\" }}\napp: reviews\napp: reviews-v2\n{{- end }}\n");
        write(
                "chart/templates/service.yaml",
                """
                apiVersion: v1
                kind: Service
                metadata:
                  name: reviews
                  namespace: {{ .Values.team }}
                  annotations:
                    owner: shop
                    owner: platform
                  labels:
                    {{- include "labels" . | nindent 4 }}
                spec:
                  ports: [{name: http, port: 9080}]
                """);

        List<String> duplicates = validate().report().findings().stream()
                .filter(finding -> finding.code().equals("MG0004"))
                .map(finding -> finding.origin().toString())
                .toList();

        assertThat(duplicates)
                .as("the annotation is written on line 8 of the template; the label comes from an include")
                .containsExactlyInAnyOrder("chart/templates/service.yaml:8:5", "chart/templates/service.yaml");
    }
}
