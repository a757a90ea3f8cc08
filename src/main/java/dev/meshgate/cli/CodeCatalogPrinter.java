package dev.meshgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshgate.analysis.Message;
import java.io.IOException;
import java.io.PrintWriter;

/** Prints the catalog of codes, as text (default) or as JSON with --output json. */
final class CodeCatalogPrinter {

    void print(String format, PrintWriter out) throws IOException {
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
            }
            out.println(mapper.writeValueAsString(codes));
            return;
        }
        for (Message message : Message.values()) {
            out.printf("%-8s %-8s %s%n", message.code(), message.severity().label(), message.title());
            out.printf("         %s%n%n", message.description());
        }
    }
}
