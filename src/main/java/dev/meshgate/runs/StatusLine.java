package dev.meshgate.runs;

import dev.meshgate.report.Summary;

/** The one line a commit status shows: counts of what matters, within every forge's length limit. */
final class StatusLine {

    private StatusLine() {}

    static String of(Summary summary) {
        if (summary.errors() == 0 && summary.warnings() == 0) {
            return "no problems in " + plural(summary.resources(), "resource") + " (" + plural(summary.files(), "file")
                    + ")";
        }
        return plural(summary.errors(), "error") + ", " + plural(summary.warnings(), "warning") + " in "
                + plural(summary.files(), "file");
    }

    /** For a change request judged by what it broke: the new findings first, then all of them. */
    static String ofNew(int newErrors, int newWarnings, Summary summary) {
        return plural(newErrors, "new error") + ", " + plural(newWarnings, "new warning") + " ("
                + summary.errors() + " errors, " + summary.warnings() + " warnings in all) in "
                + plural(summary.files(), "file");
    }

    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
