package dev.meshgate.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Severity;
import java.io.IOException;
import java.io.Writer;

/**
 * The stable JSON contract: {"findings":[{"code","severity","message","resource":{"kind","namespace","name"},
 * "origin":{"file","line","column"}}],"summary":{...}}. Fields are only ever added, never renamed or removed.
 */
public final class JsonFormatter implements Formatter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(Report report, Writer out) throws IOException {
        MAPPER.writeValue(new NonClosingWriter(out), tree(report));
        out.write("\n");
    }

    /** The report in the JSON contract, for writers that embed it (the run store, the runs API). */
    public static ObjectNode tree(Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode findings = root.putArray("findings");
        for (int i = 0; i < report.findings().size(); i++) {
            Finding finding = report.findings().get(i);
            ObjectNode node = findings.addObject();
            node.put("code", finding.code());
            node.put("name", finding.message().title());
            node.put("severity", finding.severity().label());
            node.put("message", finding.text());
            if (finding.resource() == null) {
                node.putNull("resource");
            } else {
                ObjectNode resource = node.putObject("resource");
                resource.put("kind", finding.resource().kind());
                resource.put("namespace", finding.resource().namespace());
                resource.put("name", finding.resource().name());
            }
            ObjectNode origin = node.putObject("origin");
            origin.put("file", finding.origin().file());
            origin.put("line", finding.origin().line());
            origin.put("column", finding.origin().column());
            if (finding.application() != null) {
                node.put("application", finding.application());
            }
            if (!finding.alsoReportedAs().isEmpty()) {
                ArrayNode also = node.putArray("alsoReportedAs");
                finding.alsoReportedAs().forEach(other -> also.add(other.code()));
            }
            if (report.comparison().isPresent()) {
                node.put("new", report.isNew(i));
            }
        }
        ObjectNode summary = MAPPER.valueToTree(report.summary());
        report.comparison().ifPresent(compared -> {
            summary.put("newErrors", report.newFindings(Severity.ERROR));
            summary.put("newWarnings", report.newFindings(Severity.WARNING));
            summary.put("baseSha", compared.baseSha());
        });
        root.set("summary", summary);
        return root;
    }
}
