package dev.meshgate.runs;

import com.fasterxml.jackson.databind.JsonNode;

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
        JsonNode findings = run.report() == null ? null : run.report().path("findings");
        if (findings == null || findings.isEmpty()) {
            return text.toString();
        }
        text.append("\n| | where | code | resource | finding |\n|---|---|---|---|---|\n");
        int rows = 0;
        // The change's own findings first: they are what the reviewer can act on in this pull request.
        for (boolean fresh : new boolean[] {true, false}) {
            for (JsonNode finding : findings) {
                boolean isNew = !finding.has("new") || finding.path("new").asBoolean();
                if (isNew != fresh || rows == MAX_ROWS) {
                    continue;
                }
                rows++;
                JsonNode resource = finding.path("resource");
                text.append("| ")
                        .append(finding.has("new") ? (isNew ? "new" : "already there") : "")
                        .append(" ")
                        .append(finding.path("severity").asText())
                        .append(" | `")
                        .append(escape(finding.path("origin").path("file").asText()))
                        .append(':')
                        .append(finding.path("origin").path("line").asInt())
                        .append("` | ")
                        .append(finding.path("code").asText())
                        .append(" | ")
                        .append(
                                resource.isObject()
                                        ? escape(resource.path("kind").asText() + " "
                                                + resource.path("namespace").asText() + "/"
                                                + resource.path("name").asText())
                                        : "")
                        .append(" | ")
                        .append(escape(finding.path("message").asText()))
                        .append(" |\n");
            }
        }
        if (findings.size() > rows) {
            text.append("\n")
                    .append(findings.size() - rows)
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
