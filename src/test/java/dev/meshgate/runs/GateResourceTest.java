package dev.meshgate.runs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import dev.meshgate.revision.Forge;
import dev.meshgate.revision.Revision;
import dev.meshgate.testing.GitCommandLine;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdict a sync hook asks for, for passing, failing, running and unknown revisions. */
@QuarkusTest
@QuarkusTestResource(TemporaryDataDirectory.class)
class GateResourceTest {

    @TempDir
    Path temp;

    @Inject
    RunStore store;

    private String[] validated(String sample) throws Exception {
        Path repository = SampleRepository.create(temp.resolve("repo"), sample);
        String sha = new GitCommandLine(repository).run("rev-parse", "HEAD");
        given().contentType(ContentType.JSON)
                .body("{\"repository\": \"" + repository + "\", \"sha\": \"" + sha + "\"}")
                .post("/api/v1/runs")
                .then()
                .statusCode(202);
        return new String[] {repository.toString(), sha};
    }

    @Test
    void aPassingRevisionIsAnsweredOkOnceItsRunIsDone() throws Exception {
        String[] revision = validated("valid-mesh");

        given().queryParam("repo", revision[0])
                .queryParam("revision", revision[1])
                .queryParam("wait", "60s")
                .get("/api/v1/gate")
                .then()
                .statusCode(200)
                .body("verdict", equalTo("passed"))
                .body("sha", equalTo(revision[1]))
                .body("report", containsString("/runs/"));
    }

    @Test
    void theRepositoryMayBeNamedAsAnArgoApplicationNamesIt() throws Exception {
        String[] revision = validated("valid-mesh");
        String asArgoWritesIt = Path.of(revision[0]).toUri().toString().replaceAll("/$", "") + ".git";

        given().queryParam("repo", asArgoWritesIt)
                .queryParam("revision", revision[1])
                .queryParam("wait", "60s")
                .get("/api/v1/gate")
                .then()
                .statusCode(200)
                .body("verdict", equalTo("passed"));
    }

    @Test
    void aFailingRevisionIsAConflictWithItsSummaryAndReport() throws Exception {
        String[] revision = validated("broken/subset-not-found");

        given().queryParam("repo", revision[0])
                .queryParam("revision", revision[1].substring(0, 12))
                .queryParam("wait", "60s")
                .get("/api/v1/gate")
                .then()
                .statusCode(409)
                .body("verdict", equalTo("failed"))
                .body("summary", equalTo("1 error, 0 warnings in 8 files"))
                .body(
                        "report",
                        endsWith("/runs/"
                                + given().queryParam("sha", revision[1])
                                        .get("/api/v1/runs")
                                        .path("[0].id")));
    }

    @Test
    void aRunStillGoingIsAcceptedAfterTheWait() {
        String sha = "89abcdef0123456789abcdef0123456789abcdef";
        Revision revision = Revision.push(
                Forge.GITHUB, "acme/slow", "https://git.example.com/acme/slow.git", null, sha, "refs/heads/main");
        // Held by another replica whose lease is live: this service's workers leave it alone.
        store.renew("elsewhere", Instant.now().plus(java.time.Duration.ofHours(1)));
        store.saveHeldBy(Run.accepted("held-run", revision, null, Instant.now()).started(Instant.now()), "elsewhere");

        given().queryParam("repo", "acme/slow")
                .queryParam("revision", sha)
                .queryParam("wait", "1s")
                .get("/api/v1/gate")
                .then()
                .statusCode(202)
                .body("verdict", equalTo("running"));
    }

    @Test
    void aRevisionNeverValidatedIsUnknown() {
        given().queryParam("repo", "acme/none")
                .queryParam("revision", "0123456789abcdef0123456789abcdef01234567")
                .get("/api/v1/gate")
                .then()
                .statusCode(404)
                .body("verdict", equalTo("unknown"));
    }

    @Test
    void aQuestionWithoutRepositoryOrRevisionIsRefused() {
        given().queryParam("repo", "acme/none").get("/api/v1/gate").then().statusCode(400);
        given().queryParam("repo", "acme/none")
                .queryParam("revision", "0123456789abcdef0123456789abcdef01234567")
                .queryParam("wait", "soon")
                .get("/api/v1/gate")
                .then()
                .statusCode(400)
                .body("error", containsString("wait must be a duration"));
    }
}
