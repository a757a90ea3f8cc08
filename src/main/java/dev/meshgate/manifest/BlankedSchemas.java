package dev.meshgate.manifest;

import java.io.CharArrayReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
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
 * is, as blanking would move the lines after it. A document (between lines starting with {@code ---}) that names a
 * judged group keeps its schemas: its CRD is read in full anyway.
 *
 * <p>The text is gone through once, line by line, as most of a CRD file's lines are blanked: a document found to name
 * a judged group is copied again as written from its start. The lines are looked at in a copy of the text's bytes (one
 * per character, what is not Latin-1 as '?'), which costs a fourth of a copy of its characters, and only the kept lines
 * are copied as characters.
 */
final class BlankedSchemas {

    private static final String KEY = "openAPIV3Schema:";
    private static final String GROUP = "group:";
    private static final String DOCUMENT_START = "---";
    private static final Pattern GROUP_LINE = Pattern.compile(" +group: *[\"']?([A-Za-z0-9.-]+)[\"']?[ \\t\\r]*");

    private final char[] blanked;
    private final int length;
    private final List<Integer> keyLines;

    private BlankedSchemas(char[] blanked, int length, List<Integer> keyLines) {
        this.blanked = blanked;
        this.length = length;
        this.keyLines = keyLines;
    }

    /** The text with its schema blocks blanked, or null when there are none to blank. */
    static BlankedSchemas of(String text) {
        // The breaks beyond Latin-1 are looked for here, as the copy the lines are looked at in loses them (a Latin-1
        // text answers at once).
        if (!text.contains(KEY) || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0) {
            return null;
        }
        return new Blanking(text).run();
    }

    /** The blanked text, with as many lines as the original. */
    Reader reader() {
        return new CharArrayReader(blanked, 0, length);
    }

    /** The blanked text as a string. */
    String text() {
        return new String(blanked, 0, length);
    }

    /** The lines (from 1) of the keys whose blocks were blanked. */
    List<Integer> keyLines() {
        return keyLines;
    }

    /** One pass over a text: where it stands, what it kept so far. */
    private static final class Blanking {
        private final String text;
        // The text's characters, one byte each: the structural ones (ASCII) as they are.
        private final byte[] in;
        private char[] out;
        private int written;
        private final List<Integer> keyLines = new ArrayList<>();
        // The current document: where it starts in the text and in the output, the key lines before it, whether it
        // names a judged group.
        private int documentIn;
        private int documentOut;
        private int keyLinesBefore;
        private boolean documentKept;
        // The indentation of the key whose block the lines are in, else -1.
        private int blockIndent = -1;

        Blanking(String text) {
            this.text = text;
            this.in = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            this.out = new char[Math.max(16, in.length / 4)];
        }

        /** The blanked text, or null when there is nothing to blank or the text breaks lines otherwise. */
        BlankedSchemas run() {
            // A loop of one call per line: the line's method is compiled after a few hundred lines, where a loop
            // doing the work in place would run interpreted until tens of thousands of iterations.
            int start = 0;
            for (int line = 1; start < in.length; line++) {
                start = line(start, line);
                if (start < 0) {
                    return null;
                }
            }
            return keyLines.isEmpty() ? null : new BlankedSchemas(out, written, List.copyOf(keyLines));
        }

        /**
         * Blanks or keeps the line from {@code start} (numbered from 1), with its line break.
         *
         * @return where the next line starts (the length of the text after the last one), or -1 at a line break
         *     other than {@code \n}
         */
        private int line(int start, int line) {
            int end = lineEnd(start);
            if (end < 0) {
                return -1;
            }
            int indent = indent(start, end);
            int first = start + indent;
            if (indent == 0 && startsWith(first, end, DOCUMENT_START)) {
                startDocument(start);
            } else if (indent > 0 && !documentKept && namesJudgedGroup(start, first, end)) {
                keepDocument(start);
                blockIndent = -1;
            }
            if (blockIndent >= 0 && insideBlock(first, end, indent, blockIndent)) {
                // the line goes, its line break stays
            } else {
                blockIndent = -1;
                if (!documentKept && isKeyLine(first, end)) {
                    blockIndent = indent;
                    keyLines.add(line);
                }
                copy(start, end);
            }
            if (end == in.length) {
                return end;
            }
            ensureRoom(1);
            out[written++] = '\n';
            return end + 1;
        }

        /** Where the line from {@code start} ends (its {@code \n}, or the end of the text); -1 at another line break. */
        private int lineEnd(int start) {
            int at = start;
            while (at < in.length) {
                byte c = in[at];
                // Bytes are signed: U+0085 and the rest of Latin-1's upper half come here as negative.
                if (c > '\r') {
                    at++;
                } else if (c == '\n') {
                    return at;
                } else if (c == '\r' ? at + 1 == in.length || in[at + 1] != '\n' : c == (byte) 0x85) {
                    return -1;
                } else {
                    at++;
                }
            }
            return at;
        }

        private void startDocument(int start) {
            documentIn = start;
            documentOut = written;
            keyLinesBefore = keyLines.size();
            documentKept = false;
        }

        /** Puts the current document's lines before {@code start} back as written. */
        private void keepDocument(int start) {
            documentKept = true;
            written = documentOut;
            copy(documentIn, start);
            keyLines.subList(keyLinesBefore, keyLines.size()).clear();
        }

        private void copy(int from, int to) {
            ensureRoom(to - from);
            text.getChars(from, to, out, written);
            written += to - from;
        }

        private void ensureRoom(int more) {
            if (written + more > out.length) {
                out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, written + more));
            }
        }

        private int indent(int start, int end) {
            int at = start;
            while (at < end && in[at] == ' ') {
                at++;
            }
            return at - start;
        }

        /** Whether a line continues the value of a key: blank, a comment, or indented deeper than the key. */
        private boolean insideBlock(int first, int end, int indent, int keyIndent) {
            if (first == end || in[first] == '\r' || in[first] == '#') {
                return true;
            }
            // A tab in the indentation is a syntax error that only reading the text as written reports: the block
            // ends.
            return indent > keyIndent && in[first] != '\t';
        }

        /** Whether the line, from its first non-space, is the key alone: nothing after it but blanks and a comment. */
        private boolean isKeyLine(int first, int end) {
            if (!startsWith(first, end, KEY)) {
                return false;
            }
            for (int at = first + KEY.length(); at < end; at++) {
                byte c = in[at];
                if (c == '#' && at > first + KEY.length()) {
                    return true;
                }
                if (c != ' ' && c != '\t' && c != '\r') {
                    return false;
                }
            }
            return true;
        }

        /** Whether the line is an indented {@code group:} field naming a group whose schemas are read. */
        private boolean namesJudgedGroup(int start, int first, int end) {
            if (!startsWith(first, end, GROUP)) {
                return false;
            }
            var group = GROUP_LINE.matcher(text.substring(start, end));
            return group.matches() && CrdGroups.schemaRead(group.group(1));
        }

        private boolean startsWith(int first, int end, String prefix) {
            if (end - first < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (in[first + i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
