package dev.meshgate.analysis;

import dev.meshgate.manifest.ResourceKind;
import java.util.Set;

/** The self-description of a rule: a unique name, the catalog messages it reports and the kinds it reads. */
public record RuleInfo(String name, String description, Set<Message> messages, Set<ResourceKind> inputs) {

    /**
     * Whether the rule reports references the input does not resolve ({@link Context#unresolved}), which it declares
     * by listing {@link Message#MG2003}, the finding such a reference becomes where the input cannot vouch for it.
     */
    public boolean reportsReferences() {
        return messages.contains(Message.MG2003);
    }
}
