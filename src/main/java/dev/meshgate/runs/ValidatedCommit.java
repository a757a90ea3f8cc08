package dev.meshgate.runs;

import dev.meshgate.analysis.Severity;
import dev.meshgate.report.Report;
import java.util.ArrayList;
import java.util.List;

/** One validated commit: its report, and what the reader should know about its checkout and rendering. */
record ValidatedCommit(String sha, Report report, List<String> notes) {

    ValidatedCommit {
        notes = List.copyOf(notes);
    }

    boolean passed() {
        return report.summary().passed();
    }

    ValidatedCommit withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new ValidatedCommit(sha, report, more);
    }

    RunOutcome outcome(boolean passed) {
        return new RunOutcome(
                passed ? RunState.PASSED : RunState.FAILED, sha, StatusLine.of(report.summary()), notes, report);
    }

    /**
     * The outcome of a change request whose merge base was validated too: each finding marked new or already there.
     *
     * @param onlyNewErrorsFail whether only errors the base lacked fail the change, or every error
     */
    RunOutcome comparedWith(ValidatedCommit base, String baseSha, boolean onlyNewErrorsFail) {
        Report compared = report.comparedWith(
                Baseline.compare(report.findings(), base.report().findings(), baseSha));
        int newErrors = compared.newFindings(Severity.ERROR);
        boolean passed = onlyNewErrorsFail ? newErrors == 0 : passed();
        String description = StatusLine.ofNew(newErrors, compared.newFindings(Severity.WARNING), report.summary());
        return new RunOutcome(passed ? RunState.PASSED : RunState.FAILED, sha, description, notes, compared);
    }
}
