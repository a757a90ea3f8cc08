package dev.meshgate.runs;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;

/** Follows a run of the service under test through {@code GET /api/v1/runs/{id}}, as a client would. */
public final class RunsOverHttp {

    private RunsOverHttp() {}

    /** The run once it reached a verdict, or as it is after a minute. */
    public static JsonPath awaitFinal(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonPath run;
        do {
            Thread.sleep(50);
            run = given().get("/api/v1/runs/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
        } while (Instant.now().isBefore(deadline)
                && (run.getString("state").equals("QUEUED")
                        || run.getString("state").equals("RUNNING")));
        return run;
    }
}
