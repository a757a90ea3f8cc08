package dev.meshgate.analysis.rules.values;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a regular expression works in Envoy, which uses RE2: it must compile, and must not use what RE2 lacks
 * (look-around, back-references, possessive quantifiers, atomic groups).
 */
public final class Re2Compatibility {

    private static final Pattern UNSUPPORTED =
            Pattern.compile("\\(\\?[=!]|\\(\\?<[=!]|\\(\\?>|\\\\[1-9]|\\\\k<|[*+?}]\\+");

    private Re2Compatibility() {}

    /** Why the expression fails in RE2, or empty when it is fine. */
    public static Optional<String> problem(String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return Optional.of(e.getDescription());
        }
        var unsupported = UNSUPPORTED.matcher(regex);
        if (unsupported.find()) {
            return Optional.of("'" + unsupported.group() + "' is not supported by RE2");
        }
        return Optional.empty();
    }
}
