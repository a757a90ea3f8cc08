package dev.meshgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.ResourceRef;
import dev.meshgate.analysis.Severity;
import dev.meshgate.manifest.Origin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report page: what it shows and that nothing from a repository can inject markup into it. */
class HtmlReportPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static HtmlReportPage.Header header(boolean finished) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Repository", "acme/<script>");
        return new HtmlReportPage.Header("meshgate run abc", "failed", "1 error", finished, facts, List.of("a note"));
    }

    @Test
    void findingsAreGroupedByFileInLineOrderAndMarkedNewOrOld() throws Exception {
        Report report = ReportFixtures.report(List.of(
                        ReportFixtures.finding(Severity.ERROR, "late", "a", "b.yaml", 30),
                        ReportFixtures.finding(Severity.ERROR, "early", "b", "b.yaml", 3),
                        ReportFixtures.finding(Severity.WARNING, "other file", null, "a.yaml", 1)))
                .comparedWith(new Report.Comparison("base", List.of(true, false, false)));

        String page = new HtmlReportPage().render(header(true), report);

        assertThat(page.indexOf("<h3>a.yaml</h3>")).isLessThan(page.indexOf("<h3>b.yaml</h3>"));
        assertThat(page.indexOf(">early<")).isLessThan(page.indexOf(">late<"));
        assertThat(page).contains("error <span class=\"new\">new</span>");
        assertThat(page).contains("already on the target branch");
        assertThat(page).contains("<dt id=\"IST0101\">IST0101 ReferencedResourceNotFound</dt>");
        // The entry is docs/codes.md's for the code: level, equivalent and how to fix it.
        assertThat(page)
                .contains("Level: error; istioctl / Kiali: istioctl analyze IST0101 (the same code).")
                .contains("To fix: Define the subset, host, gateway or secret");
        assertThat(page).doesNotContain("http-equiv=\"refresh\"");
    }

    @Test
    void textFromTheRepositoryIsEscaped() throws Exception {
        Report report = ReportFixtures.report(List.of(new Finding(
                        Message.byCode("IST0101").orElseThrow(),
                        Severity.ERROR,
                        "<img src=x onerror=alert(1)>",
                        new ResourceRef("VirtualService", "shop", "\"a\""),
                        new Origin("<b>.yaml", 1, 1))
                .inApplication("shop's <app>")));

        String page = new HtmlReportPage().render(header(true), report);

        assertThat(page)
                .doesNotContain("<img")
                .doesNotContain("<script>")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("<h3>&lt;b&gt;.yaml</h3>")
                .contains("<td class=\"resource\">VirtualService shop/&quot;a&quot;</td>")
                .contains("<span class=\"application\">shop&#39;s &lt;app&gt;</span> ")
                .contains("acme/&lt;script&gt;");
    }

    @Test
    void aPageOfARunStillGoingReloadsItself() {
        String page = new HtmlReportPage().render(header(false), null);

        assertThat(page).contains("http-equiv=\"refresh\"").contains("a note").doesNotContain("Findings");
    }
}
