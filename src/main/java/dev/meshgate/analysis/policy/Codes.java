package dev.meshgate.analysis.policy;

import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.Message;

/** How a code written by a user (in an annotation or the config file) matches a catalog message. */
final class Codes {

    private Codes() {}

    /** "*" matches everything; a code matches its message and, for IST0106, meshgate's webhook-semantics codes. */
    static boolean matches(String written, Message message) {
        String code = written.trim();
        return code.equals("*")
                || code.equalsIgnoreCase(message.code())
                || message.istioAlias().map(code::equalsIgnoreCase).orElse(false);
    }

    /** Whether the code matches the finding's own message or one of those it stands for. */
    static boolean matches(String written, Finding finding) {
        for (Message message : finding.messages()) {
            if (matches(written, message)) {
                return true;
            }
        }
        return false;
    }
}
