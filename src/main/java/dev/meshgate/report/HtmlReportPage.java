package dev.meshgate.report;

import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Message;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The page a reviewer lands on from a pull request: the verdict, what was validated, the findings grouped by file with
 * line numbers, what each code means and how to suppress one. Built from the stored report, so it looks the same
 * after a restart.
 */
public final class HtmlReportPage {

    /**
     * What the page shows about the run besides its findings.
     *
     * @param verdict e.g. "passed", "failed", "queued"
     * @param finished false while the run may still change: the page then reloads itself
     * @param facts label → value lines (repository, commit, ref, timings...), in order
     */
    public record Header(
            String title,
            String verdict,
            String description,
            boolean finished,
            Map<String, String> facts,
            List<String> notes) {}

    public String render(Header header, Report report) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        if (!header.finished()) {
            html.append("<meta http-equiv=\"refresh\" content=\"3\">\n");
        }
        html.append("<title>")
                .append(escape(header.title()))
                .append("</title>\n<style>")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n");
        html.append("<h1>")
                .append(escape(header.title()))
                .append(" <span class=\"verdict ")
                .append(escape(header.verdict()))
                .append("\" id=\"verdict\">")
                .append(escape(header.verdict()))
                .append("</span></h1>\n<p id=\"description\">")
                .append(escape(header.description()))
                .append("</p>\n<dl>\n");
        header.facts().forEach((label, value) -> html.append("<dt>")
                .append(escape(label))
                .append("</dt><dd>")
                .append(escape(value))
                .append("</dd>\n"));
        html.append("</dl>\n");
        if (!header.notes().isEmpty()) {
            html.append("<ul class=\"notes\">\n");
            header.notes()
                    .forEach(note -> html.append("<li>").append(escape(note)).append("</li>\n"));
            html.append("</ul>\n");
        }
        if (report != null) {
            findings(html, report);
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void findings(StringBuilder html, Report report) {
        if (report.findings().isEmpty()) {
            html.append("<p class=\"clean\">No findings.</p>\n");
            return;
        }
        Map<String, List<Integer>> byFile = new TreeMap<>();
        TreeSet<String> codes = new TreeSet<>();
        for (int i = 0; i < report.findings().size(); i++) {
            Finding finding = report.findings().get(i);
            byFile.computeIfAbsent(
                            finding.origin().file() == null
                                    ? ""
                                    : finding.origin().file(),
                            file -> new ArrayList<>())
                    .add(i);
            codes.add(finding.code());
        }
        html.append("<h2>Findings</h2>\n");
        byFile.forEach((file, inFile) -> {
            html.append("<section class=\"file\">\n<h3>").append(escape(file)).append("</h3>\n<table>\n");
            inFile.sort(Comparator.comparingInt(
                    index -> report.findings().get(index).origin().line()));
            for (int index : inFile) {
                row(html, report, index);
            }
            html.append("</table>\n</section>\n");
        });
        html.append("<h2>What the codes mean</h2>\n<dl class=\"codes\">\n");
        for (String code : codes) {
            Message.byCode(code).ifPresent(message -> html.append("<dt id=\"")
                    .append(escape(code))
                    .append("\">")
                    .append(escape(code))
                    .append(" ")
                    .append(escape(message.title()))
                    .append("</dt><dd>")
                    .append(escape(message.description()))
                    .append("</dd>\n"));
        }
        html.append("</dl>\n<h2>Suppressing a finding</h2>\n<p>Annotate the resource with <code>")
                .append("galley.istio.io/analyze-suppress: \"CODE\"</code> (Istio's way) or <code>")
                .append("meshgate.dev/suppress: \"CODE\"</code>, or list it under <code>suppress:</code> in ")
                .append("<code>.meshgate.yaml</code> at the repository root with a reason.</p>\n");
    }

    private static void row(StringBuilder html, Report report, int index) {
        Finding finding = report.findings().get(index);
        String severity = finding.severity().label();
        html.append("<tr class=\"")
                .append(escape(severity))
                .append("\"><td class=\"line\">")
                .append(finding.origin().line())
                .append("</td><td class=\"severity\">")
                .append(escape(severity))
                .append(age(report, index))
                .append("</td><td class=\"code\"><a href=\"#")
                .append(escape(finding.code()))
                .append("\">")
                .append(escape(finding.code()))
                .append("</a></td><td class=\"resource\">");
        if (finding.resource() != null) {
            html.append(escape(finding.resource().kind() + " "
                    + finding.resource().namespace() + "/"
                    + finding.resource().name()));
        }
        html.append("</td><td class=\"message\">");
        if (finding.application() != null) {
            html.append("<span class=\"application\">")
                    .append(escape(finding.application()))
                    .append("</span> ");
        }
        html.append(escape(finding.text())).append("</td></tr>\n");
    }

    /** For a change request: whether the change brought the finding or the target branch already had it. */
    private static String age(Report report, int index) {
        if (report.comparison().isEmpty()) {
            return "";
        }
        return report.isNew(index)
                ? " <span class=\"new\">new</span>"
                : " <span class=\"old\">already on the target branch</span>";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String STYLE =
            "body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#fafafa;color:#222}"
                    + "main{max-width:72rem;margin:2rem auto;padding:0 1rem}"
                    + ".verdict{font-size:.7em;padding:.1em .5em;border-radius:.3em;color:#fff;background:#777}"
                    + ".verdict.passed{background:#1a7f37}.verdict.failed{background:#cf222e}.verdict.error{background:#9a6700}"
                    + "dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:600}dd{margin:0}"
                    + "table{border-collapse:collapse;width:100%;background:#fff}"
                    + "td{border-top:1px solid #ddd;padding:.3em .5em;vertical-align:top}"
                    + "td.line{text-align:right;font-family:monospace;width:4em}"
                    + "tr.error td.severity{color:#cf222e}tr.warning td.severity{color:#9a6700}"
                    + "h3{font-family:monospace;font-size:1em;margin-bottom:.3em}"
                    + ".new{background:#cf222e;color:#fff;border-radius:.3em;padding:0 .3em;font-size:.8em}"
                    + ".old{color:#777;font-size:.8em}";
}
