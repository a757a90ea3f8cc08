package dev.meshgate.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/** SARIF 2.1.0, for code-scanning views (GitHub, GitLab): one rule per catalog code used, one result per finding. */
public final class SarifFormatter implements Formatter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(Report report, Writer out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "meshgate");
        ArrayNode rules = driver.putArray("rules");
        Map<Message, Integer> ruleIndex = new LinkedHashMap<>();
        for (Finding finding : report.findings()) {
            ruleIndex.computeIfAbsent(finding.message(), message -> {
                ObjectNode rule = rules.addObject();
                rule.put("id", message.code());
                rule.put("name", message.title());
                rule.putObject("shortDescription").put("text", message.title());
                rule.putObject("fullDescription").put("text", message.description());
                rule.putObject("defaultConfiguration").put("level", level(message.severity()));
                return ruleIndex.size();
            });
        }
        ArrayNode results = run.putArray("results");
        for (Finding finding : report.findings()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", finding.code());
            result.put("ruleIndex", ruleIndex.get(finding.message()));
            result.put("level", level(finding.severity()));
            String resource = finding.resource() == null ? "" : " [" + finding.resource() + "]";
            result.putObject("message").put("text", finding.text() + resource);
            ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
            location.putObject("artifactLocation").put("uri", finding.origin().file());
            if (finding.origin().line() > 0) {
                ObjectNode region = location.putObject("region");
                region.put("startLine", finding.origin().line());
                region.put("startColumn", Math.max(1, finding.origin().column()));
            }
        }
        MAPPER.writeValue(new NonClosingWriter(out), root);
        out.write("\n");
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
