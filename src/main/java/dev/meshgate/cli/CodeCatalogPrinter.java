package dev.meshgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshgate.analysis.IstioctlCodes;
import dev.meshgate.analysis.Message;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints the catalog of codes, as text (default) or as JSON with --output json, followed by the codes of istioctl
 * analyze that meshgate does not report, each with the reason.
 */
final class CodeCatalogPrinter {

    void print(String format, PrintWriter out) throws IOException {
        List<IstioctlCodes.Entry> istioctl = IstioctlCodes.all();
        if ("json".equals(format)) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode codes = mapper.createArrayNode();
            for (Message message : Message.values()) {
                ObjectNode node = codes.addObject();
                node.put("code", message.code());
                node.put("name", message.title());
                node.put("severity", message.severity().label());
                node.put("template", message.template());
                node.put("description", message.description());
                node.put("reported", true);
            }
            for (IstioctlCodes.Entry entry : istioctl) {
                if (!entry.implemented()) {
                    ObjectNode node = codes.addObject();
                    node.put("code", entry.code());
                    node.put("name", entry.name());
                    node.put("reported", false);
                    node.put("reason", entry.missingBecause().orElseThrow());
                }
            }
            out.println(mapper.writeValueAsString(codes));
            return;
        }
        for (Message message : Message.values()) {
            out.printf("%-8s %-8s %s%n", message.code(), message.severity().label(), message.title());
            out.printf("         %s%n%n", message.description());
        }
        long reported =
                istioctl.stream().filter(IstioctlCodes.Entry::implemented).count();
        out.printf(
                "istioctl analyze: meshgate reports %d of its %d codes; the others need what a repository does not"
                        + " hold:%n",
                reported, istioctl.size());
        for (IstioctlCodes.Entry entry : istioctl) {
            if (!entry.implemented()) {
                out.printf(
                        "%-8s not reported  %s: %s%n",
                        entry.code(), entry.name(), entry.missingBecause().orElseThrow());
            }
        }
    }
}
