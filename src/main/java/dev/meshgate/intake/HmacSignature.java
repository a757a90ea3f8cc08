package dev.meshgate.intake;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC-SHA256 of the raw body in a header, as hex with an optional prefix ({@code sha256=}). The first header the
 * delivery carries decides: Gitea also sends GitHub's header, and its own must win.
 */
public final class HmacSignature implements SignatureCheck {

    /** One header that may carry the signature, and the prefix before the hex digits. */
    public record Header(String name, String prefix) {}

    private static final String ALGORITHM = "HmacSHA256";

    private final List<Header> headers;

    public HmacSignature(Header... headers) {
        this.headers = List.of(headers);
    }

    @Override
    public Verdict check(WebhookRequest request, byte[] secret) {
        for (Header header : headers) {
            String value = request.header(header.name());
            if (value != null) {
                return matches(value.strip(), header.prefix(), request.body(), secret)
                        ? Verdict.VALID
                        : Verdict.INVALID;
            }
        }
        return Verdict.MISSING;
    }

    private static boolean matches(String value, String prefix, byte[] body, byte[] secret) {
        if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(value.substring(prefix.length()).toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        // MessageDigest.isEqual takes the same time wherever the first difference is.
        return MessageDigest.isEqual(hmac(body, secret), claimed);
    }

    /** The HMAC-SHA256 of a body under a secret. */
    public static byte[] hmac(byte[] body, byte[] secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    @Override
    public String describe() {
        return String.join(" or ", headers.stream().map(Header::name).toList());
    }
}
