package dev.meshgate.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stream's text with the blocks under its {@code openAPIV3Schema:} keys blanked out, line for line, so that the
 * parser never scans the schemas of CRDs no rule reads (most of a platform repository's bytes) while every other line
 * and column stays where it was. This only proposes: the reader keeps the result only when each blanked block turns
 * out to lie in a field it does not keep anyway ({@link UnreadFields}) and the blanked text reads without a problem;
 * otherwise it reads the text as written.
 *
 * <p>A block is the lines after a key written alone on its line (a block value), up to the first line that is not
 * blank, not a comment and indented no deeper than the key: in block YAML exactly the key's value. Text with line
 * breaks other than {@code \n} and {@code \r\n} (YAML 1.1 also breaks lines at U+0085, U+2028 and U+2029) is left as it
 * is, as blanking would move the lines after it.
 */
final class BlankedSchemas {

    private static final String KEY = "openAPIV3Schema:";
    private static final String GROUP = "group:";
    // A document that names a judged group keeps its schemas: its CRD is read in full anyway.
    private static final Pattern GROUP_LINE = Pattern.compile(" +group: *[\"']?([A-Za-z0-9.-]+)[\"']?[ \\t\\r]*");

    private final String text;
    private final List<Integer> keyLines;

    private BlankedSchemas(String text, List<Integer> keyLines) {
        this.text = text;
        this.keyLines = keyLines;
    }

    /** The text with its schema blocks blanked, or null when there are none to blank. */
    static BlankedSchemas of(String text) {
        if (!text.contains(KEY) || hasOtherLineBreaks(text)) {
            return null;
        }
        List<int[]> keptDocuments = documentsNamingJudgedGroups(text);
        StringBuilder blanked = new StringBuilder(text.length() / 4);
        List<Integer> keyLines = new ArrayList<>();
        int blockIndent = -1;
        int line = 0;
        for (int start = 0; start <= text.length(); line++) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            int indent = indent(text, start, end);
            if (blockIndent >= 0 && insideBlock(text, start + indent, end, indent, blockIndent)) {
                // the line goes, its line break stays
            } else {
                blockIndent = -1;
                if (isKeyLine(text, start + indent, end) && !inAny(keptDocuments, start)) {
                    blockIndent = indent;
                    keyLines.add(line + 1);
                }
                blanked.append(text, start, end);
            }
            if (newline < 0) {
                break;
            }
            blanked.append('\n');
            start = newline + 1;
        }
        return keyLines.isEmpty() ? null : new BlankedSchemas(blanked.toString(), List.copyOf(keyLines));
    }

    /** The blanked text, with as many lines as the original. */
    String text() {
        return text;
    }

    /** The lines (from 1) of the keys whose blocks were blanked. */
    List<Integer> keyLines() {
        return keyLines;
    }

    private static int indent(String text, int start, int end) {
        int at = start;
        while (at < end && text.charAt(at) == ' ') {
            at++;
        }
        return at - start;
    }

    /** Whether a line continues the value of a key: blank, a comment, or indented deeper than the key. */
    private static boolean insideBlock(String text, int first, int end, int indent, int keyIndent) {
        if (first == end || text.charAt(first) == '\r' || text.charAt(first) == '#') {
            return true;
        }
        // A tab in the indentation is a syntax error that only reading the text as written reports: the block ends.
        return indent > keyIndent && text.charAt(first) != '\t';
    }

    /** Whether the line, from its first non-space, is the key alone: nothing after it but blanks and a comment. */
    private static boolean isKeyLine(String text, int first, int end) {
        if (!text.startsWith(KEY, first)) {
            return false;
        }
        for (int at = first + KEY.length(); at < end; at++) {
            char c = text.charAt(at);
            if (c == '#' && at > first + KEY.length()) {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The spans (start and end offsets) of the documents, between "---" lines, that name a judged group. */
    private static List<int[]> documentsNamingJudgedGroups(String text) {
        List<int[]> kept = new ArrayList<>();
        for (int at = text.indexOf(GROUP); at >= 0; at = text.indexOf(GROUP, at + GROUP.length())) {
            int start = text.lastIndexOf('\n', at) + 1;
            int newline = text.indexOf('\n', at);
            int end = newline < 0 ? text.length() : newline;
            Matcher group = GROUP_LINE.matcher(text).region(start, end);
            if (group.matches() && CrdGroups.schemaRead(group.group(1))) {
                int documentStart = text.lastIndexOf("\n---", start);
                int documentEnd = text.indexOf("\n---", end);
                kept.add(new int[] {documentStart < 0 ? 0 : documentStart, documentEnd < 0 ? text.length() : documentEnd
                });
            }
        }
        return kept;
    }

    private static boolean inAny(List<int[]> spans, int offset) {
        for (int[] span : spans) {
            if (span[0] <= offset && offset <= span[1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasOtherLineBreaks(String text) {
        if (text.indexOf('\u0085') >= 0 || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0) {
            return true;
        }
        for (int at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) {
            if (at + 1 == text.length() || text.charAt(at + 1) != '\n') {
                return true;
            }
        }
        return false;
    }
}
