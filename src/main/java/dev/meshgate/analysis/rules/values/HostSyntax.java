package dev.meshgate.analysis.rules.values;

import java.util.Optional;
import java.util.regex.Pattern;

/** Istio's host-name syntax: DNS labels, with an optional single "*" as the whole first label (or "*" alone). */
public final class HostSyntax {

    private static final Pattern LABEL = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");

    private HostSyntax() {}

    /** Why the host is invalid, or empty when it is fine. */
    public static Optional<String> problem(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.of("empty host");
        }
        if (host.equals("*")) {
            return Optional.empty();
        }
        if (host.length() > 255) {
            return Optional.of("longer than 255 characters");
        }
        String rest = host;
        if (host.startsWith("*")) {
            if (!host.startsWith("*.")) {
                return Optional.of("a wildcard must be a whole leading label (\"*.example.com\")");
            }
            rest = host.substring(2);
        }
        if (rest.endsWith(".")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        for (String label : rest.split("\\.", -1)) {
            if (label.contains("*")) {
                return Optional.of("a wildcard may only be the first label");
            }
            if (label.isEmpty()) {
                return Optional.of("empty label");
            }
            if (label.length() > 63) {
                return Optional.of("label '" + label + "' is longer than 63 characters");
            }
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("label '" + label + "' is not a DNS label");
            }
        }
        return Optional.empty();
    }
}
