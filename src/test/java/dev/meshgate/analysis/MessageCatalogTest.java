package dev.meshgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Guards the catalog: code format, order, names, templates, descriptions, and arguments matching placeholders. */
class MessageCatalogTest {

    @Test
    void codesAreWellFormedUniqueAndOrdered() {
        List<String> codes = Arrays.stream(Message.values()).map(Message::code).toList();
        assertThat(codes).allMatch(c -> c.matches("IST\\d{4}|MG\\d{4}")).doesNotHaveDuplicates();
        List<String> ist = codes.stream().filter(c -> c.startsWith("IST")).toList();
        List<String> mg = codes.stream().filter(c -> c.startsWith("MG")).toList();
        assertThat(ist).isSorted();
        assertThat(mg).isSorted();
        assertThat(codes).isEqualTo(concat(ist, mg));
    }

    @Test
    void everyMessageHasANameATemplateAndADescription() {
        for (Message message : Message.values()) {
            assertThat(message.title()).as(message.code()).matches("[A-Z][A-Za-z0-9]+");
            assertThat(message.template()).as(message.code()).isNotBlank();
            assertThat(message.description())
                    .as(message.code())
                    .hasSizeGreaterThan(40)
                    .endsWith(".");
            assertThat(message.template())
                    .as("%s uses only %%s placeholders", message.code())
                    .doesNotContainPattern("%[^s]");
        }
    }

    @Test
    void formattingRefusesOneArgumentTooFewOrTooMany() {
        for (Message message : Message.values()) {
            // Every "%" of a template starts a %s (see above), so this counts the placeholders independently.
            int placeholders = message.template().split("%", -1).length - 1;
            assertThat(message.arity()).as(message.code()).isEqualTo(placeholders);
            assertThatThrownBy(() -> message.format(arguments(placeholders + 1)))
                    .as("%s with one argument too many", message.code())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(message.code() + " takes " + placeholders + " argument(s)");
            if (placeholders > 0) {
                assertThatThrownBy(() -> message.format(arguments(placeholders - 1)))
                        .as("%s with one argument too few", message.code())
                        .isInstanceOf(IllegalArgumentException.class);
            }
            String text = message.format(arguments(placeholders));
            assertThat(text).as(message.code()).doesNotContain("%");
            for (int i = 1; i <= placeholders; i++) {
                assertThat(text).as(message.code()).contains("<" + i + ">");
            }
        }
        assertThat(Message.IST0113.arity()).isEqualTo(5);
        assertThat(Message.MG3001.format("as written")).isEqualTo("as written");
    }

    @Test
    void noRuleLeavesAPlaceholderUnfilledOnAnyFixture() throws IOException {
        int findings = 0;
        for (RuleCases.Case c : RuleCases.all()) {
            // Every rule on every case, so that call sites a case's own rule does not reach are formatted too.
            LoadResult loaded = new ManifestLoader(LoadLimits.defaults(), "default").load(List.of(c.folder()));
            for (Finding finding : Analyzer.withAllRules()
                    .analyze(loaded, AnalysisSettings.defaults())
                    .findings()) {
                assertThat(finding.code()).as("%s: %s", c, finding.text()).isNotEqualTo("IST0001");
                assertThat(finding.text()).as("%s %s", c, finding.code()).doesNotContain("%s");
                findings++;
            }
        }
        assertThat(findings).as("findings formatted").isGreaterThan(100);
    }

    private static Object[] arguments(int count) {
        Object[] arguments = new Object[count];
        for (int i = 0; i < count; i++) {
            arguments[i] = "<" + (i + 1) + ">";
        }
        return arguments;
    }

    @Test
    void webhookSemanticsCodesAliasIstioSchemaValidation() {
        assertThat(Message.MG1101.istioAlias()).contains("IST0106");
        assertThat(Message.IST0101.istioAlias()).isEmpty();
        assertThat(Message.byCode("ist0101")).contains(Message.IST0101);
        assertThat(Message.byCode("XX")).isEmpty();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
