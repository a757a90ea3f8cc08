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

    String readToken() {
        if (token.isPresent()) {
            return token.get().strip();
        }
        try {
            return Files.readString(tokenFile.orElseThrow()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("the token file " + tokenFile.get() + " cannot be read", e);
        }
    }

    @Override
    public String toString() {
        // Records print their fields; a token must never reach a log this way.
        return "ForgeCredentials[apiUrl=" + apiUrl.orElse("default") + ", token=" + (hasToken() ? "***" : "none") + "]";
    }
}
