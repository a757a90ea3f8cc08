package dev.meshgate.analysis.policy;

import dev.meshgate.analysis.Finding;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.regex.Pattern;

/**
 * A suppression from the config file: a code (or "*"), optionally limited to resources ("Kind namespace/name" with
 * "*" wildcards) and files (a glob such as "legacy/**"). Everything given must match.
 */
public record Suppression(String code, String resource, String file, String reason) {

    /** Whether the suppression covers the finding. */
    public boolean covers(Finding finding) {
        return Codes.matches(code, finding) && resourceMatches(finding) && fileMatches(finding);
    }

    private boolean resourceMatches(Finding finding) {
        if (resource == null || resource.isBlank()) {
            return true;
        }
        if (finding.resource() == null) {
            return false;
        }
        return wildcard(resource.trim()).matcher(finding.resource().toString()).matches();
    }

    private boolean fileMatches(Finding finding) {
        if (file == null || file.isBlank()) {
            return true;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + file.trim());
        return matcher.matches(Path.of(finding.origin().file()));
    }

    private static Pattern wildcard(String text) {
        StringBuilder regex = new StringBuilder();
        for (String part : text.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
