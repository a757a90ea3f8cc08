package dev.meshgate.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.meshgate.runs.RunsOverHttp;
import dev.meshgate.runs.SampleRepository;
import dev.meshgate.runs.TemporaryDataDirectory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With an API token (here in a file, as a mounted Secret), the API's writes and listings ask every caller for it. */
@QuarkusTest
@TestProfile(ApiTokenTest.WithTokenFile.class)
@QuarkusTestResource(TemporaryDataDirectory.class)
class ApiTokenTest {

    static final Path TOKEN_FILE;

    static {
        try {
            TOKEN_FILE = Files.createTempFile("meshgate-api-token", "");
            Files.writeString(TOKEN_FILE, "first-token\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The token in a file; local paths allowed for any caller with the token, as a CI runner might need. */
    public static class WithTokenFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("meshgate.api.token-file", TOKEN_FILE.toString());
        }
    }

    @TempDir
    Path temp;

    private String body() throws IOException {
        Path repository = SampleRepository.create(temp.resolve("valid"), "valid-mesh");
        return "{\"repository\": \"" + repository + "\", \"ref\": \"main\"}";
    }

    @Test
    void theTokenIsAskedForEvenOnLoopbackAndAWrongOneIsRefused() throws Exception {
        String body = body();
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/runs")
                .then()
                .statusCode(401)
                .body("error", containsString("needs the API token"));
        given().header("Authorization", "Bearer not-the-token")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/runs")
                .then()
                .statusCode(401)
                .body("error", containsString("does not match"));
        given().get("/api/v1/runs").then().statusCode(401);

        String id = given().header("Authorization", "Bearer first-token")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("runId");
        assertThat(RunsOverHttp.awaitFinal(id).getString("state")).isEqualTo("PASSED");
        given().header("Authorization", "Bearer first-token")
                .get("/api/v1/runs")
                .then()
                .statusCode(200)
                .body("[0].id", org.hamcrest.Matchers.equalTo(id));
        given().get("/runs/" + id).then().statusCode(200);
    }

    @Test
    void aRotatedTokenFileTakesEffectWithoutARestart() throws Exception {
        given().header("Authorization", "Bearer first-token")
                .get("/api/v1/runs")
                .then()
                .statusCode(200);

        Files.writeString(TOKEN_FILE, "the-rotated-token\n");

        given().header("Authorization", "Bearer first-token")
                .get("/api/v1/runs")
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer the-rotated-token")
                .get("/api/v1/runs")
                .then()
                .statusCode(200);
        Files.writeString(TOKEN_FILE, "first-token\n");
    }

    @Test
    void withTheTokenARemoteCallerStillCannotNameAPathOnMeshgatesDisk() throws Exception {
        given().header("Authorization", "Bearer first-token")
                .header("X-Forwarded-For", "203.0.113.7")
                .contentType(ContentType.JSON)
                .body(body())
                .post("/api/v1/runs")
                .then()
                .statusCode(400)
                .body("error", containsString("paths on meshgate's disk are not accepted"));
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL meshgate;

    @Test
    void theGateCommandSendsTheTokenFromItsFileAndFailsClosedWithoutIt() throws Exception {
        Path repository = SampleRepository.create(temp.resolve("gated"), "valid-mesh");
        String sha = new dev.meshgate.testing.GitCommandLine(repository).run("rev-parse", "HEAD");
        Path tokenFile = Files.writeString(temp.resolve("token"), "first-token\n");

        String[] base = {"gate", "--url", meshgate.toString(), "--repo", repository.toString(), "--revision", sha};
        java.io.StringWriter refusedErr = new java.io.StringWriter();
        int refused = dev.meshgate.cli.MeshgateCommand.execute(
                new java.io.PrintWriter(new java.io.StringWriter(), true),
                new java.io.PrintWriter(refusedErr, true),
                base);
        java.io.StringWriter passedOut = new java.io.StringWriter();
        String[] withToken = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(base), java.util.stream.Stream.of("--token-file", tokenFile.toString()))
                .toArray(String[]::new);
        int passed = dev.meshgate.cli.MeshgateCommand.execute(
                new java.io.PrintWriter(passedOut, true),
                new java.io.PrintWriter(new java.io.StringWriter(), true),
                withToken);

        assertThat(refused).isEqualTo(1);
        assertThat(refusedErr.toString()).contains("meshgate refused the gate's credentials (401)");
        assertThat(passed).isEqualTo(0);
        assertThat(passedOut.toString()).contains("passed:");
    }
}
