package dev.meshgate.intake;

/** How a forge proves that a delivery comes from it: checked against the secret shared with the hook. */
public interface SignatureCheck {

    /** The verdict on one delivery. */
    enum Verdict {
        VALID,
        MISSING,
        INVALID
    }

    Verdict check(WebhookRequest request, byte[] secret);

    /** The header(s) users should look for when a delivery is refused. */
    String describe();
}
