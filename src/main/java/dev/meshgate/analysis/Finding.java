package dev.meshgate.analysis;

import dev.meshgate.manifest.Origin;

/**
 * One coded finding: the catalog message, its effective severity (after overrides), the filled-in text, the
 * resource (null for file-level findings such as YAML syntax errors) and where it was written.
 */
public record Finding(Message message, Severity severity, String text, ResourceRef resource, Origin origin) {

    public String code() {
        return message.code();
    }

    /** A copy with another severity, used by per-code overrides. */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(message, newSeverity, text, resource, origin);
    }
}
