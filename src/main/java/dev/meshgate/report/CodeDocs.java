package dev.meshgate.report;

import dev.meshgate.analysis.CodeGuide;
import dev.meshgate.analysis.IstioctlCodes;
import dev.meshgate.analysis.Message;

/**
 * Writes {@code docs/codes.md} from the one catalog ({@link Message}) and its guide ({@link CodeGuide}): every code
 * with its meaning, level, istioctl or Kiali equivalent, an example and how to fix it, each under an anchor named
 * by its code, then the istioctl codes meshgate leaves out and why. {@code CodeDocsTest} keeps the file up to date.
 */
public final class CodeDocs {

    private CodeDocs() {}

    /** The whole document. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Finding codes\n\n")
                .append(
                        "<!-- Generated from dev.meshgate.analysis.Message and CodeGuide; do not edit. Regenerate with\n")
                .append("     mvn -B test -Dtest=CodeDocsTest -Dmeshgate.docs.update=true -->\n\n")
                .append(
                        "Every finding meshgate reports has one of these codes. Codes `ISTnnnn` are istioctl analyze's,")
                .append(
                        " with Istio's meaning, so that habits and suppressions carry over; `MGnnnn` are meshgate's own:")
                .append(" `MG0xxx` reading manifests, `MG1xxx` structure and what Istio's validating webhook rejects,")
                .append(" `MG2xxx` references across resources, `MG3xxx` production practice. Each code has an anchor")
                .append(" (`codes.md#MG1202`), which the report page's entries match.\n\n")
                .append("| code | name | level |\n|---|---|---|\n");
        for (Message message : Message.values()) {
            out.append("| [")
                    .append(message.code())
                    .append("](#")
                    .append(message.code())
                    .append(") | ")
                    .append(message.title())
                    .append(" | ")
                    .append(message.severity().label())
                    .append(" |\n");
        }
        for (Message message : Message.values()) {
            entry(out, message);
        }
        out.append("\n## istioctl codes meshgate does not report\n\n| code | name | why |\n|---|---|---|\n");
        for (IstioctlCodes.Entry code : IstioctlCodes.all()) {
            code.missingBecause().ifPresent(why -> out.append("| ")
                    .append(code.code())
                    .append(" | ")
                    .append(code.name())
                    .append(" | ")
                    .append(why)
                    .append(" |\n"));
        }
        return out.toString();
    }

    private static void entry(StringBuilder out, Message message) {
        out.append("\n<a id=\"")
                .append(message.code())
                .append("\"></a>\n\n")
                .append("## ")
                .append(message.code())
                .append(' ')
                .append(message.title())
                .append("\n\n")
                .append("- **Level:** ")
                .append(message.severity().label())
                .append('\n')
                .append("- **istioctl / Kiali:** ")
                .append(CodeGuide.equivalent(message))
                .append('\n')
                .append("- **Message:** `")
                .append(message.template().replace("`", "'"))
                .append("`\n\n")
                .append(message.description())
                .append('\n');
        // A code added without a guide entry is still documented, and says what it lacks.
        CodeGuide.Entry guide = CodeGuide.of(message)
                .orElse(new CodeGuide.Entry("not written yet (add it to CodeGuide)", "see the description", null));
        out.append("\n**Example:** ")
                .append(guide.example())
                .append("\n\n**Fix:** ")
                .append(guide.fix())
                .append('\n');
    }
}
