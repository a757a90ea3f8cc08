package dev.meshgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class ValidateCommandTest {

    private static final String BROKEN = dev.meshgate.Fixtures.SUBSET_NOT_FOUND;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MeshgateCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif", "junit"})
    void exitCodesAreTheSameInEveryFormat(String format) throws IOException {
        write("broken/vs.yaml", BROKEN);
        write("empty/readme.yaml", "# nothing here\n");

        assertThat(run("validate", "-o", format, dir.resolve("broken").toString())
                        .exit())
                .isEqualTo(1);
        assertThat(run(
                                "validate",
                                "-o",
                                format,
                                "--fail-on",
                                "never",
                                dir.resolve("broken").toString())
                        .exit())
                .isZero();
        assertThat(run("validate", "-o", format, dir.resolve("empty").toString())
                        .exit())
                .isZero();
        assertThat(run("validate", "-o", format, dir.resolve("missing").toString())
                        .exit())
                .isEqualTo(2);
        assertThat(run("validate", "-o", format, "--fail-on", "sometimes", dir.toString())
                        .exit())
                .isEqualTo(2);
    }

    @Test
    void jsonOutputFollowsTheDocumentedContract() throws IOException {
        write("apps/reviews/vs.yaml", BROKEN);

        Run run = run("validate", "--output", "json", dir.resolve("apps").toString());

        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode finding = json.path("findings").get(0);
        assertThat(finding.path("code").asText()).isEqualTo("IST0101");
        assertThat(finding.path("severity").asText()).isEqualTo("error");
        assertThat(finding.path("message").asText()).contains("reviews.default.svc.cluster.local+v9");
        assertThat(finding.path("resource").path("kind").asText()).isEqualTo("VirtualService");
        assertThat(finding.path("resource").path("namespace").asText()).isEqualTo("default");
        assertThat(finding.path("resource").path("name").asText()).isEqualTo("reviews");
        assertThat(finding.path("origin").path("file").asText()).isEqualTo("reviews/vs.yaml");
        assertThat(finding.path("origin").path("line").asInt()).isEqualTo(9);
        assertThat(finding.path("origin").path("column").asInt()).isEqualTo(36);
        JsonNode summary = json.path("summary");
        assertThat(summary.path("errors").asInt()).isEqualTo(1);
        assertThat(summary.path("resources").asInt()).isEqualTo(3);
        assertThat(summary.path("files").asInt()).isEqualTo(1);
        assertThat(summary.path("passed").asBoolean()).isFalse();
        assertThat(summary.path("failOn").asText()).isEqualTo("error");
    }

    @Test
    void filesThatAreNotKubernetesObjectsAreCountedInTheSummary() throws IOException {
        write("apps/reviews/vs.yaml", BROKEN);
        write("apps/web/package.json", "{\"name\": \"web\"}\n");
        write("apps/web/playbook.yml", "- hosts: web\n  tasks: []\n");

        Run text = run("validate", "--plain", dir.resolve("apps").toString());
        Run json = run("validate", "--plain", "-o", "json", dir.resolve("apps").toString());
        Run one =
                run("validate", "--plain", dir.resolve("apps/web/package.json").toString());
        Run none = run(
                "validate", "--plain", "-o", "json", dir.resolve("apps/reviews").toString());

        assertThat(text.out())
                .contains("FAILED: 1 error(s), 0 warning(s), 0 info(s) in 3 resource(s) from 3 file(s);"
                        + " 2 files are not Kubernetes objects\n")
                .doesNotContain("MG0003");
        JsonNode summary = new ObjectMapper().readTree(json.out()).path("summary");
        assertThat(summary.path("files").asInt()).isEqualTo(3);
        assertThat(summary.path("skippedFiles").asInt()).isEqualTo(2);
        assertThat(one.out()).endsWith("from 1 file(s); 1 file is not a Kubernetes object\n");
        assertThat(new ObjectMapper().readTree(none.out()).path("summary").has("skippedFiles"))
                .isFalse();
    }

    @Test
    void namespaceOptionSetsTheDefaultNamespace() throws IOException {
        write("vs.yaml", BROKEN);

        Run run = run("validate", "-o", "json", "--namespace", "shop", dir.toString());

        assertThat(run.out()).contains("\"namespace\" : \"shop\"").contains("reviews.shop.svc.cluster.local+v9");
    }

    @Test
    void sarifHasRulesResultsAndRegions() throws IOException {
        write("vs.yaml", BROKEN);

        JsonNode sarif = new ObjectMapper()
                .readTree(run("validate", "-o", "sarif", dir.toString()).out());

        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.path("runs").get(0);
        assertThat(run.path("tool")
                        .path("driver")
                        .path("rules")
                        .get(0)
                        .path("id")
                        .asText())
                .isEqualTo("IST0101");
        JsonNode result = run.path("results").get(0);
        assertThat(result.path("level").asText()).isEqualTo("error");
        JsonNode location = result.path("locations").get(0).path("physicalLocation");
        assertThat(location.path("artifactLocation").path("uri").asText()).isEqualTo("vs.yaml");
        assertThat(location.path("region").path("startLine").asInt()).isEqualTo(9);
    }

    @Test
    void junitHasACasePerResourceAndFailuresForFindings() throws Exception {
        write("vs.yaml", BROKEN);

        String xml = run("validate", "-o", "junit", dir.toString()).out();

        Document document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        assertThat(document.getElementsByTagName("testcase").getLength()).isEqualTo(3);
        assertThat(document.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(document.getElementsByTagName("failure")
                        .item(0)
                        .getAttributes()
                        .getNamedItem("type")
                        .getNodeValue())
                .isEqualTo("IST0101");
    }

    @Test
    void textOutputNamesFileLineCodeAndResource() throws IOException {
        write("vs.yaml", BROKEN);

        Run run = run("validate", dir.toString());

        assertThat(run.out())
                .contains("vs.yaml:9:36: error IST0101 [VirtualService default/reviews]")
                .contains("FAILED: 1 error(s)");
    }

    @Test
    void configFileInTheFolderIsUsedAndBadOnesExitTwo() throws IOException {
        write("vs.yaml", BROKEN);
        write(".meshgate.yaml", "severity:\n  IST0101: warning\n");

        assertThat(run("validate", dir.toString()).exit()).isZero();
        assertThat(run("validate", "--fail-on", "warning", dir.toString()).exit())
                .isEqualTo(1);

        write(".meshgate.yaml", "severity: [oops\n");
        Run bad = run("validate", dir.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("invalid config file").contains(".meshgate.yaml:");
    }

    @Test
    void malformedFilesAreFindingsAndTheRestIsStillAnalysed() throws IOException {
        write("bad.yaml", "apiVersion: v1\nkind: [\n");
        write("vs.yaml", BROKEN);

        Run run = run("validate", dir.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("bad.yaml:3:1: error MG0001").contains("vs.yaml:9:36: error IST0101");
    }

    @Test
    void istioctlSuppressionsWorkUnchanged() throws IOException {
        write("vs.yaml", BROKEN);

        assertThat(run("validate", "--suppress", "IST0101=VirtualService reviews.default", dir.toString())
                        .exit())
                .isZero();
        assertThat(run("validate", "--suppress", "IST0101=VirtualService *.default", dir.toString())
                        .exit())
                .isZero();
        assertThat(run("validate", "--suppress", "IST0101=VirtualService reviews.shop", dir.toString())
                        .exit())
                .isEqualTo(1);
        Run bad = run("validate", "--suppress", "IST0101", dir.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("CODE=Kind name.namespace");
        assertThat(run("validate", "--suppress", "IST9999=Pod x", dir.toString())
                        .exit())
                .isEqualTo(2);
    }

    @Test
    void listCodesPrintsTheCatalog() {
        Run text = run("validate", "--list-codes");
        Run json = run("validate", "--list-codes", "-o", "json");

        assertThat(text.exit()).isZero();
        assertThat(text.out())
                .contains("IST0101")
                .contains("ReferencedResourceNotFound")
                .contains("MG0001")
                .containsPattern("IST0143 +not reported +LocalhostListener: needs running pods");
        assertThat(json.out())
                .contains("\"code\" : \"IST0101\"")
                .contains("\"description\"")
                .contains("\"reason\" : \"needs running pods");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("validate").exit()).isEqualTo(2);
        assertThat(run("validate", "--bogus", ".").exit()).isEqualTo(2);
        assertThat(run().exit()).isEqualTo(2);
    }
}
