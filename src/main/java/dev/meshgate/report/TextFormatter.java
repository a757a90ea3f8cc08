package dev.meshgate.report;

import dev.meshgate.analysis.Finding;
import java.io.IOException;
import java.io.Writer;

/** One line per finding, "file:line:column: severity CODE [Kind ns/name] message", then a summary line. */
public final class TextFormatter implements Formatter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        for (Finding finding : report.findings()) {
            out.write(
                    finding.origin() + ": " + (finding.application() == null ? "" : "(" + finding.application() + ") ")
                            + finding.severity().label() + " " + finding.code()
                            + (finding.resource() == null ? "" : " [" + finding.resource() + "]") + " " + finding.text()
                            + "\n");
        }
        Summary summary = report.summary();
        out.write(String.format(
                "%s: %d error(s), %d warning(s), %d info(s) in %d resource(s) from %d file(s)%s%s%n",
                summary.passed() ? "PASSED" : "FAILED",
                summary.errors(),
                summary.warnings(),
                summary.infos(),
                summary.resources(),
                summary.files(),
                summary.suppressed() == 0 ? "" : "; " + summary.suppressed() + " suppressed",
                summary.skippedFiles() == 0
                        ? ""
                        : summary.skippedFiles() == 1
                                ? "; 1 file is not a Kubernetes object"
                                : "; " + summary.skippedFiles() + " files are not Kubernetes objects"));
    }
}
