package dev.meshgate.analysis;

/**
 * A reference finding the analysis called missing (the rule's own code), with the reference it stands for, so that a
 * caller who knows more than the analysis did (the reference resolves in an alternative of this application) can
 * turn it into an unverified one instead.
 */
public record MissingReference(Finding finding, Reference reference) {

    /** The same reference as {@link Message#MG2003} (info), saying why it cannot be checked and what resolves it. */
    public Finding unverified(String because, String resolvedBy) {
        Message message = Message.MG2003;
        return new Finding(
                message,
                message.severity(),
                message.format(reference.target().noun(), reference.name(), because, resolvedBy),
                finding.resource(),
                finding.origin(),
                finding.application());
    }
}
