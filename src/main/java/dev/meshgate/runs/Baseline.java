package dev.meshgate.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells what a change request broke from what was already broken: each finding of the head is marked new unless the
 * merge base had the same one. Findings are matched by code, resource and message, not by line, since a change moves
 * lines around.
 */
final class Baseline {

    private Baseline() {}

    /** Counts of new findings by severity, after marking each finding of the head report with {@code "new"}. */
    record NewFindings(int errors, int warnings) {}

    static NewFindings mark(JsonNode head, JsonNode base, String baseSha) {
        Map<String, Integer> before = new HashMap<>();
        for (JsonNode finding : base.path("findings")) {
            before.merge(key(finding), 1, Integer::sum);
        }
        int errors = 0;
        int warnings = 0;
        for (JsonNode finding : head.path("findings")) {
            String key = key(finding);
            int left = before.getOrDefault(key, 0);
            boolean isNew = left == 0;
            if (!isNew) {
                // Two identical findings at the base absorb two in the head, not more.
                before.put(key, left - 1);
            }
            ((ObjectNode) finding).put("new", isNew);
            if (isNew && finding.path("severity").asText().equals("error")) {
                errors++;
            } else if (isNew && finding.path("severity").asText().equals("warning")) {
                warnings++;
            }
        }
        ObjectNode summary = (ObjectNode) head.path("summary");
        summary.put("newErrors", errors);
        summary.put("newWarnings", warnings);
        summary.put("baseSha", baseSha);
        return new NewFindings(errors, warnings);
    }

    private static String key(JsonNode finding) {
        JsonNode resource = finding.path("resource");
        return finding.path("code").asText()
                + '|'
                + resource.path("kind").asText()
                + '|'
                + resource.path("namespace").asText()
                + '|'
                + resource.path("name").asText()
                + '|'
                + finding.path("message").asText();
    }
}
