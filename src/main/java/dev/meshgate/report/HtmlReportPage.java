package dev.meshgate.report;

import dev.meshgate.analysis.Message;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The page a reviewer lands on from a pull request: the verdict, what was validated, the findings grouped by file with
 * line numbers, what each code means and how to suppress one. Built from the stored report, so it looks the same
 * after a restart; the markup is the template {@code templates/report-page.html}.
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

    /** The findings of one file, in line order. */
    record FileSection(String name, List<FindingRow> rows) {}

    public String render(Header header, Report report) {
        Map<String, Object> data = new HashMap<>();
        data.put("header", header);
        data.put("report", report);
        if (report != null) {
            data.put("files", files(report));
            data.put("messages", messages(report));
        }
        return ReportTemplates.get("report-page.html").data(data).render();
    }

    private static List<FileSection> files(Report report) {
        Map<String, List<FindingRow>> byFile = new TreeMap<>();
        for (int i = 0; i < report.findings().size(); i++) {
            FindingRow row = FindingRow.of(report, i);
            byFile.computeIfAbsent(row.file(), file -> new ArrayList<>()).add(row);
        }
        List<FileSection> files = new ArrayList<>();
        byFile.forEach((file, rows) -> {
            // Stable, so findings on one line keep the order the rules reported them in.
            rows.sort(Comparator.comparingInt(row -> row.finding().origin().line()));
            files.add(new FileSection(file, rows));
        });
        return files;
    }

    /** The catalog entry of every code on the page, in code order. */
    private static List<Message> messages(Report report) {
        TreeSet<String> codes = new TreeSet<>();
        report.findings().forEach(finding -> codes.add(finding.code()));
        return codes.stream().map(Message::byCode).flatMap(Optional::stream).toList();
    }
}
