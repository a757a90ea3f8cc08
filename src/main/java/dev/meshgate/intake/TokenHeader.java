package dev.meshgate.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The secret itself in a header, as GitLab sends it; compared in constant time. */
public final class TokenHeader implements SignatureCheck {

    private final String name;

    public TokenHeader(String name) {
        this.name = name;
    }

    @Override
    public Verdict check(WebhookRequest request, byte[] secret) {
        String value = request.header(name);
        if (value == null) {
            return Verdict.MISSING;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), secret) ? Verdict.VALID : Verdict.INVALID;
    }

    @Override
    public String describe() {
        return name;
    }
}
