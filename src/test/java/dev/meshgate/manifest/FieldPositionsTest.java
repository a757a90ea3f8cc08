package dev.meshgate.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Positions recorded by pointer (as rendering and the render cache record them) are found again by pointer, whatever
 * order they come in and whether or not a look-up came between them.
 */
class FieldPositionsTest {

    @Test
    void everyRecordedPointerFindsItsOriginInDocumentOrderOrNot() {
        Map<String, Origin> recorded = new LinkedHashMap<>();
        recorded.put("/spec", new Origin("base.yaml", 3, 1));
        recorded.put("/spec/http", new Origin("base.yaml", 4, 3));
        recorded.put("/spec/http/0", new Origin("base.yaml", 5, 5));
        recorded.put("/spec/http/0/route", new Origin("base.yaml", 6, 7));
        recorded.put("/spec/http/1/route", new Origin("patch.yaml", 2, 7));
        recorded.put("/spec/hosts/0", new Origin("base.yaml", 9, 5));
        recorded.put("/metadata/name", new Origin("base.yaml", 1, 9));
        recorded.put("/spec/http/0/match", new Origin("base.yaml", 7, 7));
        recorded.put("/spec/a~1b/c", new Origin("base.yaml", 11, 3));
        recorded.put("/spec/a/b/c", new Origin("base.yaml", 12, 3));
        FieldPositions positions = new FieldPositions("base.yaml");

        recorded.forEach(positions::put);

        recorded.forEach((pointer, origin) ->
                assertThat(positions.origin(pointer)).as(pointer).isEqualTo(origin));
        assertThat(positions.origin("/spec/http/1"))
                .as("a field never recorded points at its closest recorded ancestor")
                .isEqualTo(new Origin("base.yaml", 4, 3));
    }

    @Test
    void aPointerRecordedAfterALookUpOrAgainIsFoundWithItsLatestOrigin() {
        FieldPositions positions = new FieldPositions("base.yaml");
        positions.put("/spec/http/0/route", new Origin("base.yaml", 6, 7));
        assertThat(positions.origin("/spec/http/0/route")).isEqualTo(new Origin("base.yaml", 6, 7));

        positions.put("/spec/http/0/timeout", new Origin("patch.yaml", 3, 5));
        positions.put("/spec/http/0/route", new Origin("patch.yaml", 4, 5));

        assertThat(positions.origin("/spec/http/0/timeout")).isEqualTo(new Origin("patch.yaml", 3, 5));
        assertThat(positions.origin("/spec/http/0/route")).isEqualTo(new Origin("patch.yaml", 4, 5));
        assertThat(positions.has("/spec/http/0")).isFalse();
    }
}
