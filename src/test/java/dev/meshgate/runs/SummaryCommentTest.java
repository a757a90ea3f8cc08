package dev.meshgate.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Severity;
import dev.meshgate.report.Report;
import dev.meshgate.report.ReportFixtures;
import dev.meshgate.revision.Forge;
import dev.meshgate.revision.Revision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary comment: text from a repository stays inside its table cell, and a long list ends in a link. */
class SummaryCommentTest {

    private static final String URL = "http://meshgate.example/runs/r";

    private static Run failed(Report report) {
        Revision revision = Revision.push(Forge.GITHUB, "acme/mesh", "/repo", null, "0123456789abcdef", "refs/heads/x");
        return new Run(
                "r",
                RunState.FAILED,
                revision,
                "0123456789abcdef",
                List.of(),
                Instant.EPOCH,
                Instant.EPOCH,
                Instant.EPOCH,
                "1 error | <b>",
                List.of(),
                report);
    }

    @Test
    void pipesNewlinesAndAngleBracketsStayInTheirCell() {
        Report report = ReportFixtures.report(List.of(ReportFixtures.finding(
                Severity.ERROR, "a | b\n<img src=x onerror=alert(1)>", "c|d", "dir|<x>.yaml", 4)));

        String comment = SummaryComment.markdown(failed(report), URL);

        assertThat(comment)
                .startsWith("### meshgate ❌ failed\n\n**1 error \\| &lt;b&gt;** at `0123456789ab` · [report](" + URL
                        + ")\n")
                .contains("|  error | `dir\\|&lt;x&gt;.yaml:4` | IST0101 | VirtualService shop/c\\|d"
                        + " | a \\| b &lt;img src=x onerror=alert(1)&gt; |\n")
                .doesNotContain("<img")
                .doesNotContain("<b>");
    }

    @Test
    void newFindingsComeFirstAndThoseBeyondTwentyAreLeftToTheReportPage() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            findings.add(ReportFixtures.finding(Severity.ERROR, "finding " + i, "vs", "a.yaml", i));
        }
        List<Boolean> fresh = new ArrayList<>(Collections.nCopies(25, false));
        fresh.set(24, true);
        Report report = ReportFixtures.report(findings).comparedWith(new Report.Comparison("base", fresh));

        String comment = SummaryComment.markdown(failed(report), URL);

        assertThat(comment.indexOf("| new error | `a.yaml:25`")).isPositive().isLessThan(comment.indexOf("`a.yaml:1`"));
        assertThat(comment).contains("| already there error | `a.yaml:19`").doesNotContain("`a.yaml:20`");
        assertThat(comment).endsWith(" |\n\n5 more on the [report page](" + URL + ").\n");
    }
}
