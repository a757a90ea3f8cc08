package dev.meshgate.report;

import dev.meshgate.analysis.Finding;

/**
 * One finding as a template shows it: the finding, and for a change request whether the change brought it.
 *
 * @param compared whether the report was compared with a merge base at all
 * @param fresh whether the change brought the finding (true when nothing was compared)
 */
public record FindingRow(Finding finding, boolean compared, boolean fresh) {

    /** The report's finding at the index, marked as the report's comparison says. */
    public static FindingRow of(Report report, int index) {
        return new FindingRow(report.findings().get(index), report.comparison().isPresent(), report.isNew(index));
    }

    /** The file the finding is in, empty when it has none. */
    public String file() {
        return finding.origin().file() == null ? "" : finding.origin().file();
    }

    /** {@code Kind namespace/name}, empty for a finding on no resource. */
    public String resource() {
        if (finding.resource() == null) {
            return "";
        }
        return finding.resource().kind() + " " + finding.resource().namespace() + "/"
                + finding.resource().name();
    }
}
