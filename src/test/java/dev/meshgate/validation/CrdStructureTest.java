package dev.meshgate.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Message;
import dev.meshgate.cli.MeshgateCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Structure judged by CRDs end to end: the test's own small CRD (the constructs of Istio's) given with
 * {@code --crds} or shipped in the input, malformed CRDs, rules that do not compile, and the built-in model's
 * place when there are no CRDs.
 */
class CrdStructureTest {

    @TempDir
    Path dir;

    private static String fixture(String name) throws IOException {
        try (InputStream in = CrdStructureTest.class.getResourceAsStream("/crds/small/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static List<String> findings(ValidationResult result) {
        return result.report().findings().stream()
                .map(finding -> finding.code() + " " + finding.resource().name() + " "
                        + finding.origin().line() + " " + finding.text())
                .toList();
    }

    private ValidationResult plain(Path repository, ValidationOptions options) throws Exception {
        return RepositoryValidation.validate(repository, options.reading(ValidationOptions.Input.PLAIN));
    }

    @Test
    void crdsGivenWithTheOptionJudgeStructureAndTheReportSaysSo() throws Exception {
        Path repository = dir.resolve("repo");
        write("repo/broken.yaml", fixture("broken.yaml"));
        Path crds = write("crds/virtualservice-crd.yaml", fixture("virtualservice-crd.yaml"));

        ValidationResult result = plain(repository, ValidationOptions.defaults().withCrds(List.of(crds)));

        assertThat(findings(result))
                .contains(
                        "MG1202 broken 8 spec.hosts[0]: Invalid value: a wildcard host must start with '*.'",
                        "MG1201 broken 11 spec.mode: Unsupported value: \"PERMISSIVE\": supported values: \"STRICT\","
                                + " \"LENIENT\"",
                        "MG1202 broken 12 spec.targetPort: Invalid value: port 70000 is out of range",
                        "MG1001 broken 13 Unknown field spec.tiemout (not in the CustomResourceDefinition of"
                                + " VirtualService)",
                        "MG1202 unapproved 34 spec.canaryBudget: Invalid value: a canary budget above 50 needs approvedBy")
                .noneMatch(line -> line.startsWith("IST0106"));
        assertThat(result.notes())
                .contains("structure checked against the CRDs in " + crds + " (Istio 1.99.0): VirtualService");
    }

    @Test
    void aProblemAWebhookRuleAndTheCrdBothFlagIsReportedOnceWithTheCrdsMessage() throws Exception {
        Path repository = dir.resolve("repo");
        String routes =
                """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: short
                  namespace: shop%s
                spec:
                  hosts: [short.shop.svc.cluster.local]
                  http:
                    - timeout: 0s
                      route:
                        - destination: {host: short.shop.svc.cluster.local}
                """;
        write(
                "repo/service.yaml",
                """
                apiVersion: v1
                kind: Service
                metadata: {name: short, namespace: shop}
                spec:
                  selector: {app: short}
                  ports: [{name: http, port: 8080}]
                """);
        write("repo/routes.yaml", routes.formatted(""));
        Path crds = write("crds/virtualservice-crd.yaml", fixture("virtualservice-crd.yaml"));

        assertThat(findings(plain(repository, ValidationOptions.defaults())))
                .containsExactly(
                        "MG1103 short 9 Invalid duration for spec.http[0].timeout: \"0s\" (must be at least 1ms)");
        ValidationResult withCrds =
                plain(repository, ValidationOptions.defaults().withCrds(List.of(crds)));
        assertThat(findings(withCrds))
                .containsExactly(
                        "MG1202 short 9 spec.http[0].timeout: Invalid value: must be a valid duration greater than 1ms");
        Finding once = withCrds.report().findings().get(0);
        assertThat(once.alsoReportedAs()).extracting(Message::code).containsExactly("MG1103");

        // Suppressing the webhook's code (or IST0106, istioctl's name for it) still removes the problem.
        for (String code : List.of("MG1103", "IST0106", "MG1202")) {
            write(
                    "repo/routes.yaml",
                    routes.formatted("\n  annotations: {galley.istio.io/analyze-suppress: \"" + code + "\"}"));
            assertThat(findings(plain(repository, ValidationOptions.defaults().withCrds(List.of(crds)))))
                    .as(code)
                    .isEmpty();
        }
    }

    @Test
    void aFieldTheCrdDefinesButTheBuiltInModelLacksGivesNoFinding() throws Exception {
        Path repository = dir.resolve("repo");
        write("repo/valid.yaml", fixture("valid.yaml"));

        ValidationResult builtIn = plain(repository, ValidationOptions.defaults());
        assertThat(findings(builtIn))
                .anyMatch(line -> line.startsWith("MG1001 reviews") && line.contains("canaryBudget"));
        assertThat(builtIn.notes()).contains("structure checked against meshgate's built-in model of Istio 1.30");

        write("repo/crds/virtualservice-crd.yaml", fixture("virtualservice-crd.yaml"));
        ValidationResult withCrds = plain(repository, ValidationOptions.defaults());
        assertThat(findings(withCrds)).noneMatch(line -> line.startsWith("MG1") || line.startsWith("IST0106"));
        assertThat(withCrds.notes())
                .contains("structure checked against the CRDs in crds/ (Istio 1.99.0): VirtualService");
    }

    @Test
    void theInputsCrdsComeBeforeTheOnesGivenAndKindsWithoutCrdKeepTheBuiltInModel() throws Exception {
        Path repository = dir.resolve("repo");
        write("repo/crds/virtualservice-crd.yaml", fixture("virtualservice-crd.yaml"));
        write("repo/broken.yaml", fixture("broken.yaml"));
        write(
                "repo/gateway.yaml",
                """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                    - port: {number: 80, name: http, protocol: HTTP}
                      hosts: ["*"]
                      colour: blue
                """);
        // A CRD that would accept everything: the input's own CRD must win over it.
        Path lenient = write(
                "other/vs.yaml",
                fixture("virtualservice-crd.yaml")
                        .replace("required: [hosts]", "x-kubernetes-preserve-unknown-fields: true")
                        .replace("1.99.0", "1.98.0"));

        ValidationResult result = plain(repository, ValidationOptions.defaults().withCrds(List.of(lenient)));

        assertThat(findings(result))
                .contains("MG1001 broken 13 Unknown field spec.tiemout (not in the CustomResourceDefinition of"
                        + " VirtualService)")
                .anyMatch(line -> line.startsWith("MG1001 web") && line.contains("colour"));
        assertThat(result.notes())
                .contains(
                        "structure checked against the CRDs in crds/ (Istio 1.99.0): VirtualService",
                        "structure checked against meshgate's built-in model of Istio 1.30: Gateway");
    }

    @Test
    void aMalformedCrdIsAFindingOnItAndItsKindFallsToTheNextSource() throws Exception {
        Path repository = dir.resolve("repo");
        write("repo/crds/broken-crd.yaml", fixture("virtualservice-crd.yaml").replace("maxItems: 4", "maxItems: many"));
        write("repo/broken.yaml", fixture("broken.yaml"));
        Path good = write("crds/virtualservice-crd.yaml", fixture("virtualservice-crd.yaml"));

        ValidationResult result = plain(repository, ValidationOptions.defaults().withCrds(List.of(good)));

        assertThat(findings(result))
                .anyMatch(line -> line.startsWith("MG1204 virtualservices.networking.istio.io")
                        && line.contains("maxItems must be a non-negative integer"))
                .contains(
                        "MG1202 unapproved 34 spec.canaryBudget: Invalid value: a canary budget above 50 needs approvedBy");
        assertThat(result.notes()).anyMatch(note -> note.startsWith("structure checked against the CRDs in " + good));
    }

    @Test
    void aRuleThatDoesNotCompileIsSkippedAndReportedOnTheCrd() throws Exception {
        Path repository = dir.resolve("repo");
        write(
                "repo/crds/crd.yaml",
                fixture("virtualservice-crd.yaml")
                        .replace("\"duration(self) >= duration('1ms')\"", "\"noSuchFunction(self) >=\""));
        write("repo/broken.yaml", fixture("broken.yaml"));

        ValidationResult result = plain(repository, ValidationOptions.defaults());

        assertThat(findings(result))
                .anyMatch(line -> line.startsWith("MG1205 virtualservices.networking.istio.io")
                        && line.contains("noSuchFunction(self) >= does not compile"))
                .contains("MG1202 broken 8 spec.hosts[0]: Invalid value: a wildcard host must start with '*.'")
                .noneMatch(line -> line.contains("greater than 1ms"));
    }

    @Test
    void anExpressionThatErrorsOrCostsTooMuchIsAWarningNotACrash() throws Exception {
        Path repository = dir.resolve("repo");
        write(
                "repo/crds/crd.yaml",
                fixture("virtualservice-crd.yaml")
                        .replace(
                                "\"!self.contains('*') || self.startsWith('*.')\"",
                                "\"self.split('.').size() > 0 && [1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10]"
                                        + ".all(b, [1,2,3,4,5,6,7,8,9,10].all(c, [1,2,3,4,5,6,7,8,9,10].all(d,"
                                        + " [1,2,3,4,5,6,7,8,9,10].all(e, [1,2,3,4,5,6,7,8,9,10].all(f, a > 0))))))\"")
                        .replace("\"duration(self) >= duration('1ms')\"", "\"self.bogus == 1\""));
        write("repo/valid.yaml", fixture("valid.yaml"));

        ValidationResult result = plain(repository, ValidationOptions.defaults());

        assertThat(findings(result))
                .anyMatch(line -> line.startsWith("MG1203 reviews") && line.contains("per-call limit"))
                .anyMatch(line -> line.startsWith("MG1203 reviews") && line.contains("self.bogus == 1"));
        assertThat(result.report().findings()).extracting(Finding::code).doesNotContain("IST0001");
    }

    @Test
    void theCommandLineTakesCrds() throws Exception {
        Path repository = dir.resolve("repo");
        write("repo/broken.yaml", fixture("broken.yaml"));
        Path crds = write("crds/virtualservice-crd.yaml", fixture("virtualservice-crd.yaml"));
        StringWriter out = new StringWriter();

        int exit = MeshgateCommand.execute(
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true),
                "validate",
                "--plain",
                "--crds",
                crds.getParent().toString(),
                repository.toString());

        assertThat(exit).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("MG1202", "port 70000 is out of range");
    }
}
