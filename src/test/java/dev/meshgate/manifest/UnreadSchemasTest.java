package dev.meshgate.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The schemas of CRDs meshgate does not judge are left out of what is read, and nothing else changes. */
class UnreadSchemasTest {

    private final ManifestLoader loader = new ManifestLoader(LoadLimits.defaults(), "default");

    private static String crd(String group, String schemaLines) {
        return """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.%1$s
                spec:
                  group: %1$s
                  names:
                    kind: Widget
                  scope: Namespaced
                  versions:
                  - name: v1
                    served: true
                    schema:
                      openAPIV3Schema:
                %2$s
                    storage: true
                """
                .formatted(group, schemaLines);
    }

    private static final String SCHEMA =
            """
                        type: object
                        description: |
                          A block scalar, with a line that looks like a key:
                          spec: {}

                # a comment at the margin does not end the schema
                        properties:
                          size:
                            type: integer
                            x-kubernetes-validations:
                            - rule: "self > 0\"""";

    @Test
    void aCrdOfAnotherGroupKeepsEverythingButItsSchema() {
        LoadResult result =
                loader.loadText("crds.yaml", crd("example.com", SCHEMA) + "---\n" + crd("example.org", SCHEMA));

        assertThat(result.problems()).isEmpty();
        assertThat(result.resources()).hasSize(2);
        Resource crd = result.resources().get(0);
        assertThat(crd.at("/spec/group").asText()).isEqualTo("example.com");
        assertThat(crd.at("/spec/names/kind").asText()).isEqualTo("Widget");
        assertThat(crd.at("/spec/versions/0/served").asBoolean()).isTrue();
        assertThat(crd.at("/spec/versions/0/schema").isMissingNode()).isTrue();
        // Lines after the schema are where they were written; the schema's key still has its line.
        assertThat(crd.origin("/spec/versions/0/storage").line()).isEqualTo(26);
        assertThat(crd.origin("/spec/versions/0/schema").line()).isEqualTo(13);
        Resource second = result.resources().get(1);
        assertThat(second.origin().line()).isEqualTo(28);
        assertThat(second.origin("/spec/versions/0/storage").line()).isEqualTo(53);
    }

    @Test
    void theCrdsOfIstioAndTheGatewayApiAreReadWhole() {
        for (String group : List.of("networking.istio.io", "gateway.networking.k8s.io")) {
            LoadResult result = loader.loadText("crds.yaml", crd(group, SCHEMA));

            Resource crd = result.resources().get(0);
            assertThat(crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/size/type")
                            .asText())
                    .isEqualTo("integer");
            assertThat(crd.origin("/spec/versions/0/schema/openAPIV3Schema/properties/size")
                            .line())
                    .isEqualTo(22);
        }
    }

    @Test
    void aSchemaElsewhereThanACrdsIsRead() {
        String text =
                """
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                spec:
                  openAPIV3Schema:
                    type: object
                """;

        Resource widget = loader.loadText("w.yaml", text).resources().get(0);

        assertThat(widget.at("/spec/openAPIV3Schema/type").asText()).isEqualTo("object");
    }

    @Test
    void aSyntaxErrorAroundASchemaIsReportedAsWhenReadWhole() {
        String broken = crd("example.com", SCHEMA) + "  bad: [unclosed\n";
        String noSchema = broken.replace(SCHEMA + "\n", "\n".repeat(SCHEMA.split("\n", -1).length));

        List<LoadProblem> problems = loader.loadText("crds.yaml", broken).problems();

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).type()).isEqualTo(LoadProblem.Type.SYNTAX);
        assertThat(problems).isEqualTo(loader.loadText("crds.yaml", noSchema).problems());
    }

    @Test
    void aDuplicateKeyInASchemaWrittenOnItsKeysLineIsStillReported() {
        String text =
                crd("example.com", "").replace("openAPIV3Schema:\n", "openAPIV3Schema: {type: object, type: string}\n");

        List<LoadProblem> problems = loader.loadText("crds.yaml", text).problems();

        assertThat(problems).extracting(LoadProblem::type).containsExactly(LoadProblem.Type.DUPLICATE_KEY);
        assertThat(problems.get(0).origin().line()).isEqualTo(14);
    }

    @Test
    void anAliasIntoABlankedSchemaFallsBackToReadingTheTextAsWritten() {
        String text = crd(
                        "example.com",
                        "          type: object\n          properties: &shared\n            a: {type: string}")
                .replace("    storage: true\n", "    storage: true\n    subresources: *shared\n");

        LoadResult result = loader.loadText("crds.yaml", text);

        assertThat(result.problems()).isEmpty();
        assertThat(result.resources()
                        .get(0)
                        .at("/spec/versions/0/subresources/a/type")
                        .asText())
                .isEqualTo("string");
        assertThat(result.resources().get(0).at("/spec/versions/0/schema").isMissingNode())
                .isTrue();
    }
}
