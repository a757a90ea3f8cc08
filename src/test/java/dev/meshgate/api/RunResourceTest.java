package dev.meshgate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.meshgate.runs.RunsOverHttp;
import dev.meshgate.runs.SampleRepository;
import dev.meshgate.runs.TemporaryDataDirectory;
import dev.meshgate.testing.GitCommandLine;
import dev.meshgate.testing.JunkHttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs started by hand over HTTP on local repositories, followed to their report page. */
@QuarkusTest
@QuarkusTestResource(TemporaryDataDirectory.class)
class RunResourceTest {

    @TempDir
    Path temp;

    private Path repository(String sample) throws IOException {
        return SampleRepository.create(temp.resolve(sample.replace('/', '-')), sample);
    }

    private String start(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/runs")
                .then()
                .statusCode(202)
                .header("Location", containsString("/runs/"))
                .body("duplicate", equalTo(false))
                .extract()
                .path("runId");
    }

    @Test
    void aRunOfALocalBranchPassesAndItsPageSaysSo() throws Exception {
        Path repository = repository("valid-mesh");

        String id = start("{\"repository\": \"" + repository + "\", \"ref\": \"main\"}");
        JsonPath run = RunsOverHttp.awaitFinal(id);

        assertThat(run.getString("state")).isEqualTo("PASSED");
        assertThat(run.getString("revision.forge")).isEqualTo("MANUAL");
        assertThat(run.getString("sha")).hasSize(40);
        assertThat(run.getBoolean("report.summary.passed")).isTrue();
        given().get("/runs/" + id)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("id=\"verdict\">passed</span>"))
                .body(containsString("No findings."))
                .body(containsString(repository.toString()));
        given().queryParam("repo", repository.toString())
                .get("/api/v1/runs")
                .then()
                .statusCode(200)
                .body("[0].id", equalTo(id));
    }

    @Test
    void aBrokenCommitsPageListsTheFindingByFileAndLineWithWhatTheCodeMeans() throws Exception {
        Path repository = repository("broken/subset-not-found");
        String sha = new GitCommandLine(repository).run("rev-parse", "HEAD");

        String id = start("{\"repository\": \"" + repository + "\", \"sha\": \"" + sha + "\"}");
        JsonPath run = RunsOverHttp.awaitFinal(id);

        assertThat(run.getString("state")).isEqualTo("FAILED");
        assertThat(run.getString("description")).isEqualTo("1 error, 0 warnings in 8 files");
        String page =
                given().get("/runs/" + id).then().statusCode(200).extract().asString();
        assertThat(page)
                .contains("id=\"verdict\">failed</span>")
                .contains("<h3>routing.yaml</h3>")
                .contains("<td class=\"line\">57</td>")
                .contains("VirtualService shop/checkout")
                .contains("<dt id=\"IST0101\">IST0101 ReferencedResourceNotFound</dt>")
                .contains("galley.istio.io/analyze-suppress");
        given().queryParam("sha", sha.substring(0, 10))
                .get("/api/v1/runs")
                .then()
                .body("[0].id", equalTo(id));
    }

    @Test
    void theSameCommitAgainIsTheSameRun() throws Exception {
        Path repository = repository("valid-mesh");
        String body = "{\"repository\": \"" + repository + "\", \"ref\": \"main\"}";
        String id = start(body);

        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/runs")
                .then()
                .statusCode(202)
                .body("runId", equalTo(id))
                .body("duplicate", equalTo(true));
    }

    @Test
    void badRequestsAreRefusedWithAReason() throws Exception {
        Path repository = repository("valid-mesh");
        refused("{}", 400, "name the repository");
        refused("{\"repository\": \"" + repository + "\"}", 400, "name the commit");
        refused("{\"repository\": \"" + repository + "\", \"sha\": \"abc\"}", 400, "full 40-character commit id");
        refused("{\"repository\": \"" + temp.resolve("nothing") + "\", \"ref\": \"main\"}", 400, "no repository at");
        refused("{\"repository\": \"" + repository + "\", \"ref\": \"nope\"}", 422, "no branch or ref named 'nope'");
        refused(
                "{\"repository\": \"https://bot:s3cret@git.example.com/mesh.git\", \"ref\": \"main\"}",
                400,
                "carries credentials");
    }

    @Test
    void urlsThatAreNotServerUrlsAre400WithTheReason() {
        refused(
                "{\"repository\": \"ext::sh -c touch% /tmp/pwned\", \"ref\": \"main\"}",
                400, "transport-helper syntax");
        refused("{\"repository\": \"fd::3\", \"ref\": \"main\"}", 400, "transport-helper syntax");
        refused("{\"repository\": \"javascript:alert(1)\", \"ref\": \"main\"}", 400, "not a server URL");
        refused("{\"repository\": \"sftp://127.0.0.1/mesh.git\", \"ref\": \"main\"}", 400, "scheme 'sftp:'");
        refused(
                "{\"repository\": \"https://github.com/acme/mesh.git\", \"ref\": \"main\"}",
                400,
                "github.com is not in meshgate.git.allowed-hosts");
    }

    @Test
    void whatAServerThatIsNoGitServerAnswersIsNeverShown() throws Exception {
        try (JunkHttpServer junk = JunkHttpServer.start()) {
            String answer = given().contentType(ContentType.JSON)
                    .body("{\"repository\": \"" + junk.url("http") + "\", \"ref\": \"main\"}")
                    .post("/api/v1/runs")
                    .then()
                    .statusCode(422)
                    .body("error", containsString("did not answer as a git server"))
                    .extract()
                    .asString();
            String id = start("{\"repository\": \"" + junk.url("http") + "\", \"sha\": \"" + "ab".repeat(20) + "\"}");
            JsonPath run = RunsOverHttp.awaitFinal(id);
            String page =
                    given().get("/runs/" + id).then().statusCode(200).extract().asString();

            assertThat(junk.requests()).isPositive();
            assertThat(run.getString("state")).isEqualTo("ERROR");
            assertThat(run.getString("description")).contains("did not answer as a git server");
            for (String shown : java.util.List.of(answer, run.prettify(), page)) {
                assertThat(shown).doesNotContain("ASIAJUNK", "do-not-reflect-me");
            }
        }
    }

    @Test
    void runIdsAreLongAndRandomEnoughToBeUnguessable() throws Exception {
        String id = start("{\"repository\": \"" + repository("valid-mesh") + "\", \"ref\": \"main\"}");

        assertThat(id).matches("[0-9a-f]{32}");
    }

    @Test
    void withoutATokenWritesAndListingsAreServedOnlyToCallersOnThisMachine() throws Exception {
        String id = start("{\"repository\": \"" + repository("valid-mesh") + "\", \"ref\": \"main\"}");
        RunsOverHttp.awaitFinal(id);

        // A proxy on this machine relays callers from elsewhere: it says so in a forwarding header.
        given().header("X-Forwarded-For", "203.0.113.7")
                .contentType(ContentType.JSON)
                .body("{\"repository\": \"/etc\", \"ref\": \"main\"}")
                .post("/api/v1/runs")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("error", containsString("no API token is configured"));
        given().header("Forwarded", "for=203.0.113.7")
                .get("/api/v1/runs")
                .then()
                .statusCode(401);
        given().header("X-Forwarded-For", "203.0.113.7")
                .queryParam("repo", "x")
                .queryParam("revision", "abcdef1")
                .get("/api/v1/gate")
                .then()
                .statusCode(401);
        // A run's own record and page stay reachable by its unguessable id, as commit statuses link to them.
        given().header("X-Forwarded-For", "203.0.113.7")
                .get("/api/v1/runs/" + id)
                .then()
                .statusCode(200);
        given().header("X-Forwarded-For", "203.0.113.7")
                .get("/runs/" + id)
                .then()
                .statusCode(200);
    }

    private static void refused(String body, int status, String reason) {
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/runs")
                .then()
                .statusCode(status)
                .body("error", containsString(reason));
    }

    @Test
    void anUnknownRunIsNotFound() {
        given().get("/api/v1/runs/no-such-run").then().statusCode(404).body("error", containsString("no run"));
        given().get("/runs/no-such-run").then().statusCode(404).body(containsString("meshgate has no run"));
    }
}
