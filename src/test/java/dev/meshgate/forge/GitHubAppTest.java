package dev.meshgate.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The App JWT is what GitHub accepts, checked with the JDK alone rather than with the library that signs it. */
class GitHubAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    @TempDir
    Path temp;

    @Test
    void theJwtIsSignedWithRs256ByTheAppAndLivesLessThanTenMinutes() throws Exception {
        KeyPair key = rsaKey();
        GitHubApp app = new GitHubApp("12345", keyFile(key), Clock.fixed(NOW, ZoneOffset.UTC));

        String[] parts = app.jwt().split("\\.");

        assertThat(parts).hasSize(3);
        assertThat(verifies(parts, key.getPublic()))
                .as("signed with the App's key")
                .isTrue();
        JsonNode header = decode(parts[0]);
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        JsonNode claims = decode(parts[1]);
        assertThat(claims.path("iss").asText()).isEqualTo("12345");
        // Backdated against clock drift, as GitHub advises; GitHub refuses anything valid for more than 10 minutes.
        assertThat(claims.path("iat").asLong()).isEqualTo(NOW.getEpochSecond() - 60);
        assertThat(claims.path("exp").asLong())
                .isGreaterThan(NOW.getEpochSecond())
                .isLessThanOrEqualTo(NOW.getEpochSecond() + 600);
    }

    @Test
    void aRotatedKeySignsTheNextJwtWithoutARestart() throws Exception {
        KeyPair first = rsaKey();
        KeyPair second = rsaKey();
        Path file = keyFile(first);
        GitHubApp app = new GitHubApp("12345", file, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(verifies(app.jwt().split("\\."), first.getPublic())).isTrue();

        Files.writeString(file, FakeForges.pkcs8Pem(second.getPrivate()));

        String[] parts = app.jwt().split("\\.");
        assertThat(verifies(parts, second.getPublic())).isTrue();
        assertThat(verifies(parts, first.getPublic())).isFalse();
    }

    @Test
    void aPkcs1KeyIsRefusedAtStartWithTheCommandThatConvertsIt() throws Exception {
        Path file = Files.writeString(
                temp.resolve("github.pem"), "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n");

        assertThatThrownBy(() -> new GitHubApp("12345", file, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is PKCS#1")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void somethingElseThanAnRsaKeyIsRefusedAtStart() throws Exception {
        Path file = Files.writeString(
                temp.resolve("github.pem"), "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> new GitHubApp("12345", file, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an RSA private key in PEM");
    }

    private Path keyFile(KeyPair key) throws Exception {
        return Files.writeString(temp.resolve("github-app.pem"), FakeForges.pkcs8Pem(key.getPrivate()));
    }

    private static KeyPair rsaKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static boolean verifies(String[] parts, PublicKey key) throws GeneralSecurityException {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static JsonNode decode(String part) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(part));
    }
}
