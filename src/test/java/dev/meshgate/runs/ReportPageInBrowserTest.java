package dev.meshgate.runs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a failed run's report page in headless Chromium, as a reviewer coming from a pull request would, and checks
 * what the browser made of it. CI installs Debian's chromium; without it the test is skipped.
 */
@QuarkusTest
@QuarkusTestResource(TemporaryDataDirectory.class)
class ReportPageInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path temp;

    @TestHTTPResource("/")
    URL service;

    @Test
    void aReviewerSeesTheVerdictAndTheFindingOnItsLine() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (apt-get install chromium)");
        String id = failedRun();

        String dom = chromium("--dump-dom", service + "runs/" + id);
        chromium(
                "--screenshot=" + Path.of("target/report-page.png").toAbsolutePath(),
                "--window-size=1280,900",
                service + "runs/" + id);

        assertThat(dom)
                .contains("<title>meshgate run ")
                .contains("id=\"verdict\">failed</span>")
                .contains("1 error, 0 warnings in 8 files")
                // The browser put the rows into a table body: the markup parsed as a table, not as loose text.
                .containsPattern("<tbody><tr class=\"error\"><td class=\"line\">57</td>")
                .contains("IST0101 ReferencedResourceNotFound");
        assertThat(Path.of("target/report-page.png")).isNotEmptyFile();
    }

    private String failedRun() throws IOException, InterruptedException {
        Path repository = SampleRepository.create(temp.resolve("repo"), "broken/subset-not-found");
        String id = given().contentType(ContentType.JSON)
                .body("{\"repository\": \"" + repository + "\", \"ref\": \"main\"}")
                .post("/api/v1/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("runId");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)
                && !given().get("/api/v1/runs/" + id).path("state").equals("FAILED")) {
            Thread.sleep(50);
        }
        return id;
    }

    private String chromium(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + temp.resolve("profile")));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
