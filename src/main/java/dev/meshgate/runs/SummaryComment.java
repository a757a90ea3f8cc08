package dev.meshgate.runs;

import dev.meshgate.report.FindingRow;
import dev.meshgate.report.Report;
import dev.meshgate.report.ReportTemplates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one comment meshgate keeps on a change request: the verdict, the status line, and the findings the change
 * brought (then those already there), each at its file and line, with a link to the report page for the rest. The
 * Markdown is the template {@code templates/summary-comment.md}.
 */
final class SummaryComment {

    private static final int MAX_ROWS = 20;

    private SummaryComment() {}

    static String markdown(Run run, String reportUrl) {
        Map<String, Object> data = new HashMap<>();
        data.put(
                "verdict",
                switch (run.state()) {
                    case PASSED -> "✅ passed";
                    case FAILED -> "❌ failed";
                    default -> "⚠️ could not validate";
                });
        data.put("description", run.description());
        data.put(
                "sha",
                run.sha() == null
                        ? run.revision().sha()
                        : run.sha().substring(0, Math.min(12, run.sha().length())));
        data.put("reportUrl", reportUrl);
        Report report = run.report();
        List<FindingRow> rows = report == null ? List.of() : rows(report);
        data.put("rows", rows);
        data.put("more", report == null ? 0 : report.findings().size() - rows.size());
        return ReportTemplates.get("summary-comment.md").data(data).render();
    }

    /** The change's own findings first: they are what the reviewer can act on in this pull request. */
    private static List<FindingRow> rows(Report report) {
        List<FindingRow> rows = new ArrayList<>();
        for (boolean fresh : new boolean[] {true, false}) {
            for (int i = 0; i < report.findings().size() && rows.size() < MAX_ROWS; i++) {
                if (report.isNew(i) == fresh) {
                    rows.add(FindingRow.of(report, i));
                }
            }
        }
        return rows;
    }
}
