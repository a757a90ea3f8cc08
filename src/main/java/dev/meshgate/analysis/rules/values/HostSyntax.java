package dev.meshgate.analysis.rules.values;

import java.util.Optional;

/** Istio's host-name syntax: DNS labels, with an optional single "*" as the whole first label (or "*" alone). */
public final class HostSyntax {

    private HostSyntax() {}

    private static Optional<String> labelProblem(String host, int start, int end) {
        if (start == end) {
            return Optional.of("empty label");
        }
        for (int i = start; i < end; i++) {
            char c = host.charAt(i);
            boolean edge = i == start || i == end - 1;
            if (c == '*') {
                return Optional.of("a wildcard may only be the first label");
            }
            if (!(Character.isLetterOrDigit(c) && c < 128) && !(c == '-' && !edge)) {
                return Optional.of("label '" + host.substring(start, end) + "' is not a DNS label");
            }
        }
        if (end - start > 63) {
            return Optional.of("label '" + host.substring(start, end) + "' is longer than 63 characters");
        }
        return Optional.empty();
    }

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
        // Scanned by hand: this runs for every host of every resource, and split plus a regex per label allocate.
        int labelStart = 0;
        for (int i = 0; i <= rest.length(); i++) {
            if (i < rest.length() && rest.charAt(i) != '.') {
                continue;
            }
            Optional<String> problem = labelProblem(rest, labelStart, i);
            if (problem.isPresent()) {
                return problem;
            }
            labelStart = i + 1;
        }
        return Optional.empty();
    }
}
