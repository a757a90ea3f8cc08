package dev.meshgate.forge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One forge's API address (if configured) and token, given inline or as a file read at each post so that a rotated
 * Secret takes effect without a restart.
 */
record ForgeCredentials(Optional<String> apiUrl, Optional<String> token, Optional<Path> tokenFile) {

    static final ForgeCredentials NONE = new ForgeCredentials(Optional.empty(), Optional.empty(), Optional.empty());

    boolean hasToken() {
        return token.isPresent() || tokenFile.isPresent();
    }

    /** The token; empty when none is given or it is blank (an unfilled Secret template). */
    Optional<String> readToken() {
        if (token.isPresent()) {
            return token.map(String::strip).filter(text -> !text.isEmpty());
        }
        try {
            return tokenFile.map(ForgeCredentials::read).filter(text -> !text.isEmpty());
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("the token file " + tokenFile.get() + " cannot be read", e.getCause());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        // Records print their fields; a token must never reach a log this way.
        return "ForgeCredentials[apiUrl=" + apiUrl.orElse("default") + ", token=" + (hasToken() ? "***" : "none") + "]";
    }
}
