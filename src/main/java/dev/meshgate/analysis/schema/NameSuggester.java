package dev.meshgate.analysis.schema;

import java.util.Collection;
import java.util.Optional;

/** Picks the known name closest to a misspelt one, for "did you mean" hints. */
public final class NameSuggester {

    private static final int MAX_DISTANCE = 2;

    private NameSuggester() {}

    /** The candidate within edit distance 2 (ties: alphabetically first), if any. */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - name.length()) > MAX_DISTANCE) {
                continue;
            }
            int distance = distance(name, candidate);
            // Two edits turn any short name into another one; such a hint would be noise.
            if (distance > MAX_DISTANCE || distance >= name.length()) {
                continue;
            }
            if (best == null || distance < bestDistance || distance == bestDistance && candidate.compareTo(best) < 0) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance with two rolling rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
