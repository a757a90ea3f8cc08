package dev.meshgate.analysis;

import dev.meshgate.manifest.Origin;

/**
 * One coded finding: the catalog message, its effective severity (after overrides), the filled-in text, the
 * resource (null for file-level findings such as YAML syntax errors), where it was written, and the application it
 * was rendered for (null when the repository was analysed as plain files).
 */
public record Finding(
        Message message, Severity severity, String text, ResourceRef resource, Origin origin, String application) {

    /** A finding of a repository analysed as one whole (no discovered applications). */
    public Finding(Message message, Severity severity, String text, ResourceRef resource, Origin origin) {
        this(message, severity, text, resource, origin, null);
    }

    public String code() {
        return message.code();
    }

    /** A copy with another severity, used by per-code overrides. */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(message, newSeverity, text, resource, origin, application);
    }

    /** A copy that says which rendered application it belongs to. */
    public Finding inApplication(String name) {
        return new Finding(message, severity, text, resource, origin, name);
    }
}
