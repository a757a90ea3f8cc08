package dev.meshgate.runs;

import dev.meshgate.analysis.Finding;
import dev.meshgate.report.Report;

/**
 * The one comment meshgate keeps on a change request: the verdict, the status line, and the findings the change
 * brought (then those already there), each at its file and line, with a link to the report page for the rest.
 */
final class SummaryComment {

    private static final int MAX_ROWS = 20;

    private SummaryComment() {}

    static String markdown(Run run, String reportUrl) {
        StringBuilder text = new StringBuilder();
        String verdict =
                switch (run.state()) {
                    case PASSED -> "✅ passed";
                    case FAILED -> "❌ failed";
                    default -> "⚠️ could not validate";
                };
        text.append("### meshgate ")
                .append(verdict)
                .append("\n\n")
                .append("**")
                .append(escape(run.description()))
                .append("** at `")
                .append(
                        run.sha() == null
                                ? run.revision().sha()
                                : run.sha().substring(0, Math.min(12, run.sha().length())))
                .append("` · [report](")
                .append(reportUrl)
                .append(")\n");
        Report report = run.report();
        if (report == null || report.findings().isEmpty()) {
            return text.toString();
        }
        text.append("\n| | where | code | resource | finding |\n|---|---|---|---|---|\n");
        int rows = 0;
        // The change's own findings first: they are what the reviewer can act on in this pull request.
        for (boolean fresh : new boolean[] {true, false}) {
            for (int i = 0; i < report.findings().size(); i++) {
                boolean isNew = report.isNew(i);
                if (isNew != fresh || rows == MAX_ROWS) {
                    continue;
                }
                rows++;
                Finding finding = report.findings().get(i);
                text.append("| ")
                        .append(report.comparison().isPresent() ? (isNew ? "new" : "already there") : "")
                        .append(" ")
                        .append(finding.severity().label())
                        .append(" | `")
                        .append(escape(finding.origin().file()))
                        .append(':')
                        .append(finding.origin().line())
                        .append("` | ")
                        .append(finding.code())
                        .append(" | ")
                        .append(
                                finding.resource() != null
                                        ? escape(finding.resource().kind() + " "
                                                + finding.resource().namespace() + "/"
                                                + finding.resource().name())
                                        : "")
                        .append(" | ")
                        .append(escape(finding.text()))
                        .append(" |\n");
            }
        }
        if (report.findings().size() > rows) {
            text.append("\n")
                    .append(report.findings().size() - rows)
                    .append(" more on the [report page](")
                    .append(reportUrl)
                    .append(").\n");
        }
        return text.toString();
    }

    /** Keeps a cell a cell: pipes and newlines would break the table, and angle brackets would become HTML. */
    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }
}
