package dev.meshgate.report;

import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Message;
import dev.meshgate.analysis.ResourceRef;
import dev.meshgate.analysis.Severity;
import dev.meshgate.manifest.Origin;
import java.util.List;

/** Small typed reports for tests of what presents findings (the report page, check runs, comments). */
public final class ReportFixtures {

    private ReportFixtures() {}

    /** An IST0101 finding on a VirtualService of the shop namespace, or on no resource when the name is null. */
    public static Finding finding(Severity severity, String text, String virtualService, String file, int line) {
        return new Finding(
                Message.byCode("IST0101").orElseThrow(),
                severity,
                text,
                virtualService == null ? null : new ResourceRef("VirtualService", "shop", virtualService),
                new Origin(file, line, 3));
    }

    /** A report of the findings, failing on errors. */
    public static Report report(List<Finding> findings) {
        return new Report(findings, List.of(), Summary.of(findings, 0, findings.size(), 1, "error", false));
    }
}
