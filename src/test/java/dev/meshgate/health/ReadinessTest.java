package dev.meshgate.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.meshgate.forge.FakeForges;
import dev.meshgate.git.MirrorCache;
import dev.meshgate.intake.WebhookTestSecret;
import dev.meshgate.runs.TemporaryDataDirectory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code /q/health/ready} of the running service: up as started, down while its data folder cannot be written. */
@QuarkusTest
@QuarkusTestResource(TemporaryDataDirectory.class)
@QuarkusTestResource(WebhookTestSecret.class)
@QuarkusTestResource(FakeForges.class)
class ReadinessTest {

    @Inject
    MirrorCache mirrors;

    @Test
    void theServiceAsStartedIsReadyOnEveryCheck() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("run store", "data folder", "run workers", "status outbox"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aDataFolderThatCannotBeWrittenMakesTheServiceUnreadyUntilItCanAgain() throws Exception {
        Path folder = mirrors.settings().dataDirectory();
        Path aside = folder.resolveSibling(folder.getFileName() + ".aside");
        // A file where the folder was, as after a volume that failed to mount: root ignores permission bits, not this.
        Files.move(folder, aside);
        try {
            Files.writeString(folder, "not a folder");

            given().get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'data folder' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'run workers' }.status", equalTo("UP"));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            Files.deleteIfExists(folder);
            Files.move(aside, folder);
        }

        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'data folder' }.status", equalTo("UP"));
    }
}
