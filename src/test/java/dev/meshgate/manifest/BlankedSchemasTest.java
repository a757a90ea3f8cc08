package dev.meshgate.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlankedSchemasTest {

    private static final String CRD =
            """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            spec:
              group: %s
              versions:
              - name: v1
                schema:
                  openAPIV3Schema:
                    # the schema
                    type: object
                    description: "caf\u00e9 \u2019quoted\u2019"
                served: true
            """;

    @Test
    void theBlockUnderTheKeyIsBlankedLineForLine() {
        String text = CRD.formatted("example.com");

        BlankedSchemas blanked = BlankedSchemas.of(text);

        assertThat(blanked.keyLines()).containsExactly(8);
        assertThat(blanked.text().split("\n", -1)).hasSameSizeAs(text.split("\n", -1));
        assertThat(blanked.text())
                .contains("      openAPIV3Schema:\n\n\n\n    served: true\n")
                .doesNotContain("type: object");
    }

    @Test
    void aDocumentNamingAJudgedGroupKeepsItsSchemaWhereverTheGroupIsWritten() {
        String groupLast =
                CRD.formatted("example.com").replace("  group: example.com\n", "") + "  group: networking.istio.io\n";
        String text = groupLast + "---\n" + CRD.formatted("example.org");

        BlankedSchemas blanked = BlankedSchemas.of(text);

        assertThat(blanked.text()).startsWith(groupLast + "---\n");
        assertThat(blanked.keyLines()).containsExactly(groupLast.split("\n").length + 1 + 8);
    }

    @Test
    void textWithLineBreaksOtherThanNewlinesIsLeftAsItIs() {
        String text = CRD.formatted("example.com");

        assertThat(BlankedSchemas.of(text.replace("type: object", "type: \u0085object")))
                .isNull();
        assertThat(BlankedSchemas.of(text.replace("type: object", "type: \u2028object")))
                .isNull();
        assertThat(BlankedSchemas.of(text.replace("type: object", "type: \robject")))
                .isNull();
        assertThat(BlankedSchemas.of(text.replace("\n", "\r\n")).keyLines()).containsExactly(8);
    }

    @Test
    void keptLinesKeepTheirCharactersBeyondLatin1() {
        String text = CRD.formatted("example.com").replace("served: true", "served: true # \u2713 \u00e9");

        assertThat(BlankedSchemas.of(text).text()).endsWith("    served: true # \u2713 \u00e9\n");
    }

    @Test
    void aTextWithoutSchemasIsNotBlanked() {
        assertThat(BlankedSchemas.of("apiVersion: v1\nkind: ConfigMap\n")).isNull();
    }
}
