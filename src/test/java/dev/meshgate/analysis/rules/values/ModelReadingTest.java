package dev.meshgate.analysis.rules.values;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Fields read from a tree the way the lenient typed model reads them. */
class ModelReadingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aListKeepsEachObjectAtItsIndexAndHoldsNothingWhereAnElementIsNoObject() throws Exception {
        var objects = ModelReading.objects(JSON.readTree("[{\"a\": 1}, \"text\", null, {\"b\": 2}]"));

        assertThat(objects).hasSize(4);
        assertThat(objects.get(0).path("a").asInt()).isEqualTo(1);
        assertThat(objects.get(1).isMissingNode()).isTrue();
        assertThat(objects.get(2).isMissingNode()).isTrue();
        assertThat(objects.get(3).path("b").asInt()).isEqualTo(2);
    }

    @Test
    void aSingleObjectStandsForAListOfOneAndAScalarForNoList() throws Exception {
        JsonNode single = JSON.readTree("{\"name\": \"v1\"}");

        assertThat(ModelReading.objects(single)).containsExactly(single);
        assertThat(ModelReading.objects(JSON.readTree("\"v1\""))).isEmpty();
        assertThat(ModelReading.objects(null)).isEmpty();
    }

    @Test
    void scalarsAreTheirTextAndAnythingElseIsNoText() throws Exception {
        JsonNode fields =
                JSON.readTree("{\"s\": \"reviews\", \"n\": 9080, \"b\": true, \"o\": {}, \"l\": [], \"z\": null}");

        assertThat(ModelReading.text(fields.get("s"))).isEqualTo("reviews");
        assertThat(ModelReading.text(fields.get("n"))).isEqualTo("9080");
        assertThat(ModelReading.text(fields.get("b"))).isEqualTo("true");
        assertThat(ModelReading.text(fields.get("o"))).isNull();
        assertThat(ModelReading.text(fields.get("l"))).isNull();
        assertThat(ModelReading.text(fields.get("z"))).isNull();
        assertThat(ModelReading.text(fields.get("absent"))).isNull();
    }

    @Test
    void aListOfStringsKeepsItsScalarsAndASingleScalarIsAListOfOne() throws Exception {
        assertThat(ModelReading.texts(JSON.readTree("[\"a\", 80, {}, null, \"b\"]")))
                .containsExactly("a", "80", "b");
        assertThat(ModelReading.texts(JSON.readTree("\"mesh\""))).containsExactly("mesh");
        assertThat(ModelReading.texts(JSON.readTree("{}"))).isEmpty();
        assertThat(ModelReading.texts(null)).isEmpty();
    }
}
