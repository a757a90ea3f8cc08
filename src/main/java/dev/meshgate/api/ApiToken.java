package dev.meshgate.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The bearer token the API's writes and listings ask for: inline, or in a file (a mounted Kubernetes Secret) that is
 * read again whenever it changes, so that a rotation needs no restart. Compared in constant time.
 */
final class ApiToken {

    /** What a presented token came to. */
    enum Check {
        VALID,
        INVALID,
        /** No token is configured at all. */
        NOT_CONFIGURED,
        /** The token file cannot be read: nothing is let in until it can. */
        UNREADABLE
    }

    private final Optional<String> inline;
    private final Optional<Path> file;
    private FileTime readAt;
    private long readSize = -1;
    private byte[] fileDigest;

    ApiToken(Optional<String> inline, Optional<Path> file) {
        if (inline.isPresent() && file.isPresent()) {
            throw new IllegalStateException("meshgate.api.token and meshgate.api.token-file are both set; keep one");
        }
        this.inline = inline.map(String::strip).filter(token -> !token.isEmpty());
        this.file = file;
    }

    boolean isConfigured() {
        return inline.isPresent() || file.isPresent();
    }

    Check check(String presented) {
        Optional<byte[]> expected;
        if (inline.isPresent()) {
            expected = Optional.of(digest(inline.get()));
        } else if (file.isPresent()) {
            try {
                expected = Optional.ofNullable(fromFile(file.get()));
            } catch (IOException e) {
                return Check.UNREADABLE;
            }
            if (expected.isEmpty()) {
                return Check.UNREADABLE;
            }
        } else {
            return Check.NOT_CONFIGURED;
        }
        if (presented == null) {
            return Check.INVALID;
        }
        // Digests have one length, so the comparison takes the same time whatever was sent.
        return MessageDigest.isEqual(expected.get(), digest(presented.strip())) ? Check.VALID : Check.INVALID;
    }

    /** The file's token digest, read again only when its modification time or size changed; null when it is blank. */
    private synchronized byte[] fromFile(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (!attributes.lastModifiedTime().equals(readAt) || attributes.size() != readSize || fileDigest == null) {
            String token = Files.readString(path, StandardCharsets.UTF_8).strip();
            fileDigest = token.isEmpty() ? null : digest(token);
            readAt = attributes.lastModifiedTime();
            readSize = attributes.size();
        }
        return fileDigest;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
