package dev.meshgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
        var report = JSON.readTree(
                """
                {"findings": [
                  {"code": "IST0101", "severity": "error", "message": "late", "new": true,
                   "resource": {"kind": "VirtualService", "namespace": "shop", "name": "a"},
                   "origin": {"file": "b.yaml", "line": 30}},
                  {"code": "IST0101", "severity": "error", "message": "early", "new": false,
                   "resource": {"kind": "VirtualService", "namespace": "shop", "name": "b"},
                   "origin": {"file": "b.yaml", "line": 3}},
                  {"code": "IST0101", "severity": "warning", "message": "other file", "resource": null,
                   "origin": {"file": "a.yaml", "line": 1}}]}
                """);

        String page = new HtmlReportPage().render(header(true), report);

        assertThat(page.indexOf("<h3>a.yaml</h3>")).isLessThan(page.indexOf("<h3>b.yaml</h3>"));
        assertThat(page.indexOf(">early<")).isLessThan(page.indexOf(">late<"));
        assertThat(page).contains("error <span class=\"new\">new</span>");
        assertThat(page).contains("already on the target branch");
        assertThat(page).contains("<dt id=\"IST0101\">IST0101 ReferencedResourceNotFound</dt>");
        assertThat(page).doesNotContain("http-equiv=\"refresh\"");
    }

    @Test
    void textFromTheRepositoryIsEscaped() throws Exception {
        var report = JSON.readTree(
                """
                {"findings": [{"code": "IST0101", "severity": "error", "message": "<img src=x onerror=alert(1)>",
                  "resource": {"kind": "VirtualService", "namespace": "shop", "name": "\\"a\\""},
                  "origin": {"file": "<b>.yaml", "line": 1}}]}
                """);

        String page = new HtmlReportPage().render(header(true), report);

        assertThat(page)
                .doesNotContain("<img")
                .doesNotContain("<script>")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("<h3>&lt;b&gt;.yaml</h3>")
                .contains("acme/&lt;script&gt;");
    }

    @Test
    void aPageOfARunStillGoingReloadsItself() {
        String page = new HtmlReportPage().render(header(false), null);

        assertThat(page).contains("http-equiv=\"refresh\"").contains("a note").doesNotContain("Findings");
    }
}
