package dev.meshgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Resource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bad input never breaks reading or the analysis: the valid sample mesh is mutated at random (seeded, so failures
 * reproduce), as trees (values of other types, dropped fields, values wrapped in lists) and as text (characters
 * inserted, deleted, replaced), and every rule must still run to the end (no IST0001, no exception).
 */
class MutatedInputTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rulesSurviveThousandsOfRandomMutations() throws IOException {
        List<Resource> valid = new ManifestLoader(LoadLimits.defaults(), "default")
                .load(List.of(Path.of("config-samples/valid-mesh")))
                .resources();
        // -Dmeshgate.mutation.seed and -Dmeshgate.mutation.rounds explore further than the suite does by default.
        Random random = new Random(Long.getLong("meshgate.mutation.seed", 20261124L));
        int rounds = Integer.getInteger("meshgate.mutation.rounds", 300);
        for (int round = 0; round < rounds; round++) {
            StringBuilder input = new StringBuilder();
            for (Resource resource : valid) {
                JsonNode copy = resource.body().deepCopy();
                for (int m = 0; m < 3; m++) {
                    mutate(copy, random);
                }
                input.append(JSON.writeValueAsString(copy)).append("\n---\n");
            }
            LoadResult loaded = new ManifestLoader(LoadLimits.defaults(), "default")
                    .loadText("round-" + round + ".yaml", input.toString());

            List<Finding> findings = Analyzer.withAllRules()
                    .analyze(loaded, AnalysisSettings.defaults())
                    .findings();

            assertThat(findings)
                    .as("round %d", round)
                    .filteredOn(f -> f.code().equals("IST0001"))
                    .isEmpty();
        }
    }

    @Test
    void readingAndRulesSurviveRandomlyCorruptedYamlText() throws IOException {
        String base = java.nio.file.Files.readString(Path.of("config-samples/valid-mesh/routing.yaml"));
        String alphabet = "{}[]:-,&*!|>'\"#%@`\t\n ?\\\u0000\ufeffabc0123";
        Random random = new Random(Long.getLong("meshgate.mutation.seed", 20261124L));
        int rounds = Integer.getInteger("meshgate.mutation.rounds", 300) * 5;
        for (int round = 0; round < rounds; round++) {
            StringBuilder text = new StringBuilder(base);
            for (int edits = 1 + random.nextInt(8); edits > 0; edits--) {
                int at = random.nextInt(text.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, c);
                    case 1 -> text.deleteCharAt(at);
                    default -> text.setCharAt(at, c);
                }
            }

            LoadResult loaded = new ManifestLoader(LoadLimits.defaults(), "default")
                    .loadText("round-" + round + ".yaml", text.toString());
            List<Finding> findings = Analyzer.withAllRules()
                    .analyze(loaded, AnalysisSettings.defaults())
                    .findings();

            assertThat(findings)
                    .as("round %d", round)
                    .filteredOn(f -> f.code().equals("IST0001"))
                    .isEmpty();
        }
    }

    /** Replaces, drops or wraps one randomly chosen node below the spec (or metadata). */
    private static void mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode parent = containers.get(random.nextInt(containers.size()));
        if (parent instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            if (name.equals("apiVersion") || name.equals("kind")) {
                return;
            }
            switch (random.nextInt(3)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, wrap(object.get(name)));
                default -> object.set(name, randomValue(random));
            }
        } else if (parent instanceof ArrayNode array && !array.isEmpty()) {
            array.set(random.nextInt(array.size()), randomValue(random));
        }
    }

    private static JsonNode wrap(JsonNode value) {
        return NODES.arrayNode().add(value);
    }

    private static JsonNode randomValue(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextInt(200_000) - 100_000);
            case 2 -> NODES.textNode("");
            case 3 -> NODES.textNode("*.*/x~y");
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.objectNode().put("x", 1);
            default -> NODES.arrayNode().add(1).add("two").addNull();
        };
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.forEach(child -> collect(child, into));
        }
    }
}
