package dev.meshgate.runs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.ResourceRef;
import dev.meshgate.analysis.Severity;
import dev.meshgate.manifest.Origin;
import dev.meshgate.report.JsonFormatter;
import dev.meshgate.report.Report;
import dev.meshgate.report.Summary;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A run's report in a run record and in the runs API: written in meshgate's JSON contract, and read back into typed
 * findings; the only place where findings come out of JSON.
 */
final class StoredReport {

    private static final Logger LOG = Logger.getLogger(StoredReport.class);

    private StoredReport() {}

    /** Writes the report as the {@code -o json} output has it. */
    @RegisterForReflection
    static final class Writer extends JsonSerializer<Report> {
        @Override
        public void serialize(Report report, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeTree(JsonFormatter.tree(report));
        }
    }

    /** Reads a stored report; findings whose code the catalog no longer has are left out and logged. */
    @RegisterForReflection
    static final class Reader extends JsonDeserializer<Report> {
        @Override
        public Report deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = parser.readValueAsTree();
            return tree == null || tree.isNull() ? null : report(tree);
        }
    }

    private static List<Message> alsoReportedAs(JsonNode codes) {
        List<Message> messages = new ArrayList<>();
        codes.forEach(code -> Message.byCode(code.asText()).ifPresent(messages::add));
        return messages;
    }

    static Report report(JsonNode tree) {
        List<Finding> findings = new ArrayList<>();
        List<Boolean> fresh = new ArrayList<>();
        for (JsonNode node : tree.path("findings")) {
            Optional<Message> message = Message.byCode(node.path("code").asText());
            if (message.isEmpty()) {
                LOG.warnf(
                        "a stored finding has the unknown code %s; it is left out",
                        node.path("code").asText());
                continue;
            }
            JsonNode resource = node.path("resource");
            JsonNode origin = node.path("origin");
            findings.add(new Finding(
                    message.get(),
                    Severity.parse(node.path("severity").asText()),
                    node.path("message").asText(),
                    resource.isObject()
                            ? new ResourceRef(
                                    resource.path("kind").asText(),
                                    resource.path("namespace").asText(),
                                    resource.path("name").asText())
                            : null,
                    new Origin(
                            origin.path("file").asText(),
                            origin.path("line").asInt(),
                            origin.path("column").asInt()),
                    node.hasNonNull("application") ? node.path("application").asText() : null,
                    alsoReportedAs(node.path("alsoReportedAs"))));
            fresh.add(node.path("new").asBoolean(true));
        }
        JsonNode summary = tree.path("summary");
        Report report = new Report(
                findings,
                List.of(),
                new Summary(
                        summary.path("errors").asInt(),
                        summary.path("warnings").asInt(),
                        summary.path("infos").asInt(),
                        summary.path("suppressed").asInt(),
                        summary.path("resources").asInt(),
                        summary.path("files").asInt(),
                        summary.path("skippedFiles").asInt(),
                        summary.path("failOn").asText(),
                        summary.path("passed").asBoolean()));
        return summary.hasNonNull("baseSha")
                ? report.comparedWith(
                        new Report.Comparison(summary.path("baseSha").asText(), fresh))
                : report;
    }
}
