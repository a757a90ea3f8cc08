package dev.meshgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps the list of istioctl's codes true to the catalog: what it calls reported is in it, under istioctl's name. */
class IstioctlCodesTest {

    @Test
    void everyIstioCodeOfTheCatalogIsListedAsReportedUnderItsName() {
        Map<String, IstioctlCodes.Entry> listed =
                IstioctlCodes.all().stream().collect(Collectors.toMap(IstioctlCodes.Entry::code, Function.identity()));
        for (Message message : Message.values()) {
            if (message.code().startsWith("IST")) {
                assertThat(listed).as(message.code()).containsKey(message.code());
                IstioctlCodes.Entry entry = listed.get(message.code());
                assertThat(entry.implemented()).as(message.code()).isTrue();
                assertThat(entry.name()).isEqualTo(message.title());
            }
        }
    }

    @Test
    void everyCodeListedAsReportedIsInTheCatalogAndEveryOtherSaysWhy() {
        for (IstioctlCodes.Entry entry : IstioctlCodes.all()) {
            if (entry.implemented()) {
                assertThat(Message.byCode(entry.code())).as(entry.code()).isPresent();
            } else {
                assertThat(Message.byCode(entry.code())).as(entry.code()).isEmpty();
                assertThat(entry.missingBecause().orElseThrow()).isNotBlank();
            }
        }
    }

    @Test
    void codesAreUniqueAndOrdered() {
        List<String> codes =
                IstioctlCodes.all().stream().map(IstioctlCodes.Entry::code).toList();
        assertThat(codes).doesNotHaveDuplicates().isSorted().allMatch(c -> c.matches("IST\\d{4}"));
        assertThat(Arrays.stream(Message.values()).filter(m -> m.code().startsWith("IST")))
                .hasSizeLessThanOrEqualTo(codes.size());
    }
}
