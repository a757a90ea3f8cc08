package dev.meshgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Guards the catalog: code format, order, names, templates and descriptions. */
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
    void formatFillsEveryPlaceholder() {
        for (Message message : Message.values()) {
            Object[] args = new Object[message.arity()];
            Arrays.fill(args, "ARG");
            assertThat(message.format(args)).as(message.code()).doesNotContain("%s");
        }
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
