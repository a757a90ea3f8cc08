package dev.meshgate.analysis.rules.values;

import java.util.Optional;

/**
 * Istio's host-name rules, as its webhook applies them (pkg/config/validation). A host is DNS labels of letters,
 * digits and inner hyphens, at most 63 characters each and 255 in all, with an optional trailing dot; the last label
 * is not all digits. Where wildcards are allowed, only the first label may hold one: {@code *}, or {@code *} or
 * {@code *-} before a label ({@code *.example.com}, {@code *foo.example.com}); some places refuse the partial ones.
 */
public final class HostSyntax {

    private HostSyntax() {}

    /** Why the host is not a domain with an optional wildcard first label (ValidateWildcardDomain), or empty. */
    public static Optional<String> problem(String host) {
        Optional<String> length = lengthProblem(host);
        if (length.isPresent()) {
            return length;
        }
        int dot = host.indexOf('.');
        String first = dot < 0 ? host : host.substring(0, dot);
        Optional<String> wildcard = wildcardLabelProblem(first);
        if (wildcard.isPresent() || dot < 0) {
            return wildcard;
        }
        return labelsProblem(host.substring(dot + 1));
    }

    /** Why the host is not a plain domain name without wildcards (ValidateFQDN), or empty. */
    public static Optional<String> fqdnProblem(String host) {
        Optional<String> length = lengthProblem(host);
        return length.isPresent() ? length : labelsProblem(host);
    }

    /** A wildcard that is more than a whole "*." first label, which Gateway and Sidecar hosts refuse, or empty. */
    public static Optional<String> partialWildcardProblem(String host) {
        if (host.indexOf('*') >= 0 && host.length() != 1 && !host.startsWith("*.")) {
            return Optional.of("a partial wildcard is not allowed here (only \"*\" or \"*.example.com\")");
        }
        return Optional.empty();
    }

    /** Whether the text is one DNS label (as a namespace name is). */
    public static boolean isDnsLabel(String text) {
        return labelProblem(text, 0, text.length(), text).isEmpty();
    }

    private static Optional<String> lengthProblem(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.of("empty host");
        }
        if (host.length() > 255) {
            return Optional.of("longer than 255 characters");
        }
        return Optional.empty();
    }

    /** "*", or a DNS label optionally after "*" or "*-". */
    private static Optional<String> wildcardLabelProblem(String label) {
        if (label.equals("*")) {
            return Optional.empty();
        }
        if (label.length() > 63) {
            return Optional.of("label '" + label + "' is longer than 63 characters");
        }
        int start = label.startsWith("*-") ? 2 : label.startsWith("*") ? 1 : 0;
        if (label.indexOf('*', start) >= 0) {
            return Optional.of("a wildcard may only begin the first label");
        }
        return labelProblem(label, start, label.length(), label);
    }

    /** Dot-separated DNS labels, the last of which may be empty (a trailing dot) but not all digits. */
    private static Optional<String> labelsProblem(String domain) {
        int lastDot = domain.lastIndexOf('.');
        String top = domain.substring(lastDot + 1);
        if (!top.isEmpty() && top.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("the top-level label '" + top + "' cannot be all digits");
        }
        // Scanned by hand: this runs for every host of every resource, and split plus a regex per label allocate.
        int labelStart = 0;
        for (int i = 0; i <= domain.length(); i++) {
            if (i < domain.length() && domain.charAt(i) != '.') {
                continue;
            }
            if (i == domain.length() && labelStart == i) {
                return Optional.empty(); // a trailing dot
            }
            Optional<String> problem = labelProblem(domain, labelStart, i, domain.substring(labelStart, i));
            if (problem.isPresent()) {
                return problem;
            }
            labelStart = i + 1;
        }
        return Optional.empty();
    }

    private static Optional<String> labelProblem(String text, int start, int end, String label) {
        if (start == end) {
            return Optional.of("empty label");
        }
        if (end - start > 63) {
            return Optional.of("label '" + label + "' is longer than 63 characters");
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean edge = i == start || i == end - 1;
            if (c == '*') {
                return Optional.of("a wildcard may only begin the first label");
            }
            if (!(c < 128 && Character.isLetterOrDigit(c)) && !(c == '-' && !edge)) {
                return Optional.of("label '" + label + "' is not a DNS label");
            }
        }
        return Optional.empty();
    }
}
