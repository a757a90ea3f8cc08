package dev.meshgate.forge;

import dev.meshgate.forge.api.GitHubAppApi;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates as a GitHub App: signs a short app JWT (RS256, with SmallRye JWT's builder) with the App's private
 * key, finds the installation that covers a repository, and exchanges the JWT for that installation's token, reused
 * until shortly before it expires.
 */
final class GitHubApp {

    // GitHub refuses an app JWT that lives longer than 10 minutes.
    private static final Duration JWT_LIFETIME = Duration.ofMinutes(9);
    // GitHub advises backdating iat against clock drift.
    private static final Duration CLOCK_DRIFT = Duration.ofSeconds(60);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private record CachedToken(String token, Instant expiresAt) {}

    private final String appId;
    private final Path keyFile;
    private final Clock clock;
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    /** Checks the key file once, so that a wrong key stops the service at start rather than at the first check run. */
    GitHubApp(String appId, Path keyFile, Clock clock) {
        this.appId = appId;
        this.keyFile = keyFile;
        this.clock = clock;
        readKey(keyFile);
    }

    /** Reads the App's key: a PKCS#8 PEM file ({@code openssl pkcs8 -topk8 -nocrypt} converts GitHub's download). */
    private static PrivateKey readKey(Path file) {
        String pem;
        try {
            pem = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the GitHub App key " + file + " cannot be read", e);
        }
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("the GitHub App key " + file + " is PKCS#1; convert it once with"
                    + " `openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem`");
        }
        try {
            return KeyUtils.decodePrivateKey(pem, SignatureAlgorithm.RS256);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the GitHub App key " + file + " is not an RSA private key in PEM", e);
        }
    }

    /** The App's own JWT, for the installation look-up and the token exchange; the key is read anew each time. */
    String jwt() {
        Instant now = clock.instant();
        // Read at use, as token files are, so that a rotated Secret takes effect without a restart.
        PrivateKey key = readKey(keyFile);
        return Jwt.issuer(appId)
                .issuedAt(now.minus(CLOCK_DRIFT).getEpochSecond())
                .expiresAt(now.plus(JWT_LIFETIME).getEpochSecond())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .sign(key);
    }

    /** An installation token for the repository's installation, fetched or reused. */
    String installationToken(RestClients clients, URI base, String owner, String repo) {
        String key = base + " " + owner + "/" + repo;
        CachedToken cached = tokens.get(key);
        if (cached != null && clock.instant().isBefore(cached.expiresAt().minus(RENEW_BEFORE))) {
            return cached.token();
        }
        GitHubAppApi api = clients.get(GitHubAppApi.class, base);
        String bearer = "Bearer " + jwt();
        GitHubAppApi.Installation installation = api.installation(owner, repo, bearer);
        GitHubAppApi.InstallationToken token = api.token(installation.id(), bearer);
        if (token == null || token.token() == null || token.expiresAt() == null) {
            throw new IllegalStateException("GitHub answered no installation token for " + owner + "/" + repo);
        }
        tokens.put(key, new CachedToken(token.token(), Instant.parse(token.expiresAt())));
        return token.token();
    }
}
