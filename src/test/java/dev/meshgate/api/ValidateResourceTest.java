package dev.meshgate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ValidateResourceTest {

    private static final String BROKEN = dev.meshgate.Fixtures.SUBSET_NOT_FOUND;

    @Test
    void validatesManifestsInTheBody() {
        given().contentType("application/yaml")
                .body(bytes(BROKEN))
                .queryParam("namespace", "shop")
                .when()
                .post("/api/v1/validate")
                .then()
                .statusCode(200)
                .body("findings.code", hasSize(1))
                .body("findings[0].code", equalTo("IST0101"))
                .body("findings[0].resource.namespace", equalTo("shop"))
                .body("findings[0].origin.line", equalTo(9))
                .body("summary.passed", equalTo(false));
    }

    @Test
    void malformedYamlIsAFindingNotAnError() {
        given().contentType("application/yaml")
                .body(bytes("kind: [\n"))
                .when()
                .post("/api/v1/validate")
                .then()
                .statusCode(200)
                .body("findings[0].code", equalTo("MG0001"))
                .body("findings[0].resource", equalTo(null));
    }

    @Test
    void emptyBodiesAndBadLevelsAreRefusedWithAReason() {
        given().contentType("application/yaml")
                .body(bytes(""))
                .when()
                .post("/api/v1/validate")
                .then()
                .statusCode(400)
                .body("error", containsString("request body"));
        given().contentType("application/yaml")
                .body(bytes(BROKEN))
                .queryParam("failOn", "sometimes")
                .when()
                .post("/api/v1/validate")
                .then()
                .statusCode(400)
                .body("error", containsString("failOn"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void healthIsUp() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
