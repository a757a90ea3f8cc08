package dev.meshgate.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a finished run found.
 *
 * @param sha the full commit id validated, or null when the checkout never got that far
 * @param report meshgate's JSON report, or null for an error
 */
record RunOutcome(RunState state, String sha, String description, List<String> notes, JsonNode report) {

    static RunOutcome error(String sha, String reason) {
        return new RunOutcome(RunState.ERROR, sha, reason, List.of(), null);
    }
}
