package dev.meshgate.runs;

import dev.meshgate.analysis.Finding;
import dev.meshgate.report.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells what a change request broke from what was already broken: each finding of the head is new unless the merge
 * base had the same one. Findings are matched by code, resource and message, not by line, since a change moves lines
 * around.
 */
final class Baseline {

    private Baseline() {}

    /** For each finding of the head, in order, whether the base lacked it. */
    static Report.Comparison compare(List<Finding> head, List<Finding> base, String baseSha) {
        Map<String, Integer> before = new HashMap<>();
        for (Finding finding : base) {
            before.merge(key(finding), 1, Integer::sum);
        }
        List<Boolean> fresh = new ArrayList<>(head.size());
        for (Finding finding : head) {
            String key = key(finding);
            int left = before.getOrDefault(key, 0);
            if (left > 0) {
                // Two identical findings at the base absorb two in the head, not more.
                before.put(key, left - 1);
            }
            fresh.add(left == 0);
        }
        return new Report.Comparison(baseSha, fresh);
    }

    private static String key(Finding finding) {
        return finding.code()
                + '|'
                + (finding.resource() == null
                        ? "||"
                        : finding.resource().kind()
                                + '|'
                                + finding.resource().namespace()
                                + '|'
                                + finding.resource().name())
                + '|'
                + finding.text();
    }
}
