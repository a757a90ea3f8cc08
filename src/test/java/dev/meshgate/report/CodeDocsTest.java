package dev.meshgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.analysis.CodeGuide;
import dev.meshgate.analysis.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/codes.md} is generated from the catalog: this test fails when the file is out of date. Regenerate it
 * with {@code mvn -B test -Dtest=CodeDocsTest -Dmeshgate.docs.update=true} and review the diff.
 */
class CodeDocsTest {

    private static final Path DOCS = Path.of("docs/codes.md");

    @Test
    void docsCodesMdIsTheCatalogsCurrentText() throws Exception {
        String expected = CodeDocs.markdown();
        if (Boolean.getBoolean("meshgate.docs.update")) {
            Files.writeString(DOCS, expected);
        }
        assertThat(DOCS)
                .as("%s exists (write it with -Dmeshgate.docs.update=true)", DOCS)
                .exists();
        assertThat(Files.readString(DOCS))
                .as("%s is up to date (regenerate with -Dmeshgate.docs.update=true)", DOCS)
                .isEqualTo(expected);
    }

    @Test
    void everyCodeHasAnAnchoredEntryWithItsLevelAndEquivalent() {
        String docs = CodeDocs.markdown();
        for (Message message : Message.values()) {
            String entry = docs.substring(docs.indexOf("<a id=\"" + message.code() + "\"></a>"));
            assertThat(entry)
                    .as(message.code())
                    .startsWith("<a id=\"" + message.code() + "\"></a>\n\n## " + message.code() + " " + message.title())
                    .contains("- **Level:** " + message.severity().label())
                    .contains("- **istioctl / Kiali:** " + CodeGuide.equivalent(message));
        }
        assertThat(CodeGuide.equivalent(Message.MG1103)).contains("IST0106");
        assertThat(CodeGuide.equivalent(Message.MG2004)).isEqualTo("Kiali KIA0002");
        assertThat(CodeGuide.equivalent(Message.IST0101)).contains("IST0101");
    }
}
