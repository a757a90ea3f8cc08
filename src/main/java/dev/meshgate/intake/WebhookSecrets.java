package dev.meshgate.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets shared with webhooks: one per repository, else a default one. A secret is given inline or as a file
 * (a mounted Kubernetes Secret), read at each delivery so that a rotated Secret takes effect without a restart.
 */
public final class WebhookSecrets {

    /** A secret given inline or by a file holding it; at most one of the two. */
    public record Source(Optional<String> value, Optional<Path> file) {

        static final Source NONE = new Source(Optional.empty(), Optional.empty());

        boolean isGiven() {
            return value.isPresent() || file.isPresent();
        }

        /** The secret; empty when none is given or it is blank, since anyone could sign with an empty key. */
        Optional<byte[]> read() {
            Optional<byte[]> secret =
                    value.isPresent() ? value.map(text -> text.getBytes(StandardCharsets.UTF_8)) : readFile();
            return secret.filter(
                    bytes -> new String(bytes, StandardCharsets.UTF_8).strip().length() > 0);
        }

        private Optional<byte[]> readFile() {
            return file.map(path -> {
                try {
                    // Files written by editors and `kubectl create secret --from-file` often end in a newline.
                    return Files.readString(path).strip().getBytes(StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("the webhook secret file " + path + " cannot be read", e);
                }
            });
        }
    }

    /** Which secret applies to a delivery, and whether it was the repository's own. */
    public record Match(byte[] secret, boolean perRepository) {}

    private final Source defaultSecret;
    private final Map<String, Source> perRepository;

    public WebhookSecrets(Source defaultSecret, Map<String, Source> perRepository) {
        this.defaultSecret = defaultSecret;
        this.perRepository = Map.copyOf(perRepository);
    }

    /** No secrets at all: every delivery is unsigned as far as meshgate knows. */
    public static WebhookSecrets none() {
        return new WebhookSecrets(Source.NONE, Map.of());
    }

    /** The secret for a repository ({@code owner/name}; null when the payload did not say), if any is configured. */
    public Optional<Match> forRepository(String repository) {
        Source own = repository == null ? null : perRepository.get(repository);
        if (own != null && own.isGiven()) {
            return own.read().map(secret -> new Match(secret, true));
        }
        return defaultSecret.read().map(secret -> new Match(secret, false));
    }
}
