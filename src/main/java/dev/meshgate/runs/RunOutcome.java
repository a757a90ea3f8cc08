package dev.meshgate.runs;

import dev.meshgate.report.Report;
import java.util.List;

/**
 * What a finished run found.
 *
 * @param sha the full commit id validated, or null when the checkout never got that far
 * @param report the findings and verdict, or null for an error
 */
record RunOutcome(RunState state, String sha, String description, List<String> notes, Report report) {

    static RunOutcome error(String sha, String reason) {
        return new RunOutcome(RunState.ERROR, sha, reason, List.of(), null);
    }
}
