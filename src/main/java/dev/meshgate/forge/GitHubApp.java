package dev.meshgate.forge;

import dev.meshgate.forge.api.GitHubAppApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates as a GitHub App: signs a short app JWT (RS256) with the App's private key, finds the installation
 * that covers a repository, and exchanges the JWT for that installation's token, reused until shortly before it
 * expires. The JWT is three base64url parts signed with the JDK's RSA: no JWT library is needed for one claim set.
 */
final class GitHubApp {

    private static final Duration JWT_LIFETIME = Duration.ofMinutes(9);
    // GitHub advises backdating iat against clock drift.
    private static final Duration CLOCK_DRIFT = Duration.ofSeconds(60);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private record CachedToken(String token, Instant expiresAt) {}

    private final String appId;
    private final PrivateKey key;
    private final Clock clock;
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    GitHubApp(String appId, PrivateKey key, Clock clock) {
        this.appId = appId;
        this.key = key;
        this.clock = clock;
    }

    /** Reads the App's key: a PKCS#8 PEM file ({@code openssl pkcs8 -topk8 -nocrypt} converts GitHub's download). */
    static PrivateKey readKey(Path file) {
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
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the GitHub App key " + file + " is not an RSA private key in PEM", e);
        }
    }

    /** The App's own JWT, for the installation look-up and the token exchange. */
    String jwt() {
        Instant now = clock.instant();
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = base64Url("{\"iat\":" + now.minus(CLOCK_DRIFT).getEpochSecond() + ",\"exp\":"
                + now.plus(JWT_LIFETIME).getEpochSecond() + ",\"iss\":\"" + appId + "\"}");
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the GitHub App JWT cannot be signed", e);
        }
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

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
