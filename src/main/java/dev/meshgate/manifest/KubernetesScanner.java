package dev.meshgate.manifest;

import java.util.ArrayDeque;
import java.util.Deque;
import org.yaml.snakeyaml.scanner.Scanner;
import org.yaml.snakeyaml.tokens.ScalarToken;
import org.yaml.snakeyaml.tokens.TagToken;
import org.yaml.snakeyaml.tokens.TagTuple;
import org.yaml.snakeyaml.tokens.Token;

/**
 * SnakeYAML's scanner, with the two places where go-yaml (and so Kubernetes) tokenizes YAML differently put right.
 *
 * <ul>
 *   <li>Inside {@code [...]} and {@code {...}} SnakeYAML ends a plain scalar at a colon followed by a flow indicator,
 *       so {@code [2001:db8::]} reads as a mapping with the key "2001:db8:"; go-yaml ends a plain scalar only at a
 *       colon followed by a blank, and reads the string "2001:db8::". Where SnakeYAML split a scalar so (a plain
 *       scalar, a colon on its line, then at once a flow indicator), the pieces are joined back into one scalar.
 *   <li>The non-specific tag {@code !} makes a scalar a string in go-yaml ({@code ! 5} is "5"); SnakeYAML resolves it
 *       as if untagged. It is read as {@code !!str}.
 * </ul>
 */
final class KubernetesScanner implements Scanner {

    private static final Token.ID[] FLOW_INDICATORS = {
        Token.ID.FlowEntry,
        Token.ID.FlowSequenceEnd,
        Token.ID.FlowMappingEnd,
        Token.ID.FlowSequenceStart,
        Token.ID.FlowMappingStart
    };

    private final Scanner scanner;
    private final Deque<Token> ahead = new ArrayDeque<>();
    private int flowLevel;

    KubernetesScanner(Scanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public boolean checkToken(Token.ID... choices) {
        if (!fill()) {
            return false;
        }
        if (choices.length == 0) {
            return true;
        }
        Token.ID first = ahead.peekFirst().getTokenId();
        for (Token.ID choice : choices) {
            if (choice == first) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Token peekToken() {
        fill();
        return ahead.peekFirst();
    }

    @Override
    public Token getToken() {
        fill();
        return ahead.pollFirst();
    }

    @Override
    public void resetDocumentIndex() {
        scanner.resetDocumentIndex();
    }

    /** Makes sure a token is ahead, joining a split scalar first; false at the end of the stream. */
    private boolean fill() {
        if (!ahead.isEmpty()) {
            return true;
        }
        if (!scanner.checkToken()) {
            return false;
        }
        Token first = pull();
        ahead.add(first);
        if (flowLevel > 0) {
            joinSplitScalar(first);
        }
        return true;
    }

    /**
     * From a token in a flow collection: [key,] [anchors and tags,] a plain scalar, a colon on the scalar's line, and
     * a flow indicator right after the colon become the scalar with the colon (and the blanks before it, which go-yaml
     * keeps: {@code [a :]} is ["a :"]). The key goes too: the joined scalar is a plain entry, as in go-yaml.
     */
    private void joinSplitScalar(Token first) {
        boolean keyed = first.getTokenId() == Token.ID.Key;
        Token candidate = first;
        if (keyed || isAnchorOrTag(first)) {
            while (scanner.checkToken(Token.ID.Anchor, Token.ID.Tag)) {
                ahead.add(pull());
            }
            if (!scanner.checkToken(Token.ID.Scalar)) {
                return;
            }
            candidate = pull();
            ahead.add(candidate);
        }
        if (!(candidate instanceof ScalarToken scalar) || !scalar.getPlain() || !scanner.checkToken(Token.ID.Value)) {
            return;
        }
        Token colon = pull();
        ahead.add(colon);
        if (colon.getStartMark().getLine() != scalar.getEndMark().getLine()
                || !scanner.checkToken(FLOW_INDICATORS)
                || scanner.peekToken().getStartMark().getIndex()
                        != colon.getEndMark().getIndex()) {
            return;
        }
        String blanks = " "
                .repeat(colon.getStartMark().getColumn() - scalar.getEndMark().getColumn());
        ahead.removeLast();
        ahead.removeLast();
        if (keyed) {
            ahead.removeFirst();
        }
        ahead.add(new ScalarToken(scalar.getValue() + blanks + ":", scalar.getStartMark(), colon.getEndMark(), true));
    }

    private static boolean isAnchorOrTag(Token token) {
        return token.getTokenId() == Token.ID.Anchor || token.getTokenId() == Token.ID.Tag;
    }

    private Token pull() {
        Token token = scanner.getToken();
        switch (token.getTokenId()) {
            case FlowSequenceStart, FlowMappingStart -> flowLevel++;
            case FlowSequenceEnd, FlowMappingEnd -> flowLevel--;
            case Tag -> {
                TagTuple tag = ((TagToken) token).getValue();
                if (tag.getHandle() == null && "!".equals(tag.getSuffix())) {
                    return new TagToken(new TagTuple("!!", "str"), token.getStartMark(), token.getEndMark());
                }
            }
            default -> {
                // nothing to track
            }
        }
        return token;
    }
}
