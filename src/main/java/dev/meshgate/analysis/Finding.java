package dev.meshgate.analysis;

import dev.meshgate.manifest.Origin;
import java.util.ArrayList;
import java.util.List;

/**
 * One coded finding: the catalog message, its effective severity (after overrides), the filled-in text, the
 * resource (null for file-level findings such as YAML syntax errors), where it was written, the application it
 * was rendered for (null when the repository was analysed as plain files), and the codes of the findings about the
 * same problem that it stands for (a webhook rule and a CRD rule on the same field; see {@link SameProblem}), and the
 * other resources the problem is between (the Gateways a conflict is with), so that later stages can tell whether
 * anything declares them deployed together.
 */
public record Finding(
        Message message,
        Severity severity,
        String text,
        ResourceRef resource,
        Origin origin,
        String application,
        List<Message> alsoReportedAs,
        List<ResourceRef> involved) {

    public Finding {
        alsoReportedAs = List.copyOf(alsoReportedAs);
        involved = List.copyOf(involved);
    }

    /** A finding about its resource alone. */
    public Finding(
            Message message,
            Severity severity,
            String text,
            ResourceRef resource,
            Origin origin,
            String application,
            List<Message> alsoReportedAs) {
        this(message, severity, text, resource, origin, application, alsoReportedAs, List.of());
    }

    /** A finding that stands for no other. */
    public Finding(
            Message message, Severity severity, String text, ResourceRef resource, Origin origin, String application) {
        this(message, severity, text, resource, origin, application, List.of());
    }

    /** A finding of a repository analysed as one whole (no discovered applications). */
    public Finding(Message message, Severity severity, String text, ResourceRef resource, Origin origin) {
        this(message, severity, text, resource, origin, null);
    }

    public String code() {
        return message.code();
    }

    /** Its own code first, then those of the findings it stands for. */
    public List<Message> messages() {
        List<Message> all = new ArrayList<>(1 + alsoReportedAs.size());
        all.add(message);
        all.addAll(alsoReportedAs);
        return all;
    }

    /** A copy that names the other resources the problem is between. */
    public Finding involving(List<ResourceRef> others) {
        return new Finding(message, severity, text, resource, origin, application, alsoReportedAs, others);
    }

    /** A copy with another severity and a reason added to its text. */
    public Finding downgraded(Severity newSeverity, String because) {
        return new Finding(
                message, newSeverity, text + because, resource, origin, application, alsoReportedAs, involved);
    }

    /** A copy with another severity, used by per-code overrides. */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(message, newSeverity, text, resource, origin, application, alsoReportedAs, involved);
    }

    /** A copy that says which rendered application it belongs to. */
    public Finding inApplication(String name) {
        return new Finding(message, severity, text, resource, origin, name, alsoReportedAs, involved);
    }

    /** A copy that also stands for another finding's code. */
    public Finding standingFor(Message other) {
        List<Message> codes = new ArrayList<>(alsoReportedAs);
        if (other != message && !codes.contains(other)) {
            codes.add(other);
        }
        return new Finding(message, severity, text, resource, origin, application, codes, involved);
    }
}
