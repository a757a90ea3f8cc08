package dev.meshgate.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshgate.revision.RepositoryUrl;
import dev.meshgate.testing.LoopbackServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching from servers that demand credentials: a token over HTTP basic auth, a key over SSH. */
class AuthenticatedFetchTest {

    private static final String TOKEN = "glpat-s3cr3t-token-value";

    @TempDir
    Path temp;

    private SourceRepository source;
    private String sha;

    @BeforeEach
    void createRepository() {
        source = SourceRepository.create(temp.resolve("served/mesh"));
        sha = source.commit(Map.of("mesh/reviews.yaml", "kind: VirtualService\n"));
    }

    private MirrorCache cacheWith(GitAuthentication auth) {
        return new MirrorCache(
                MirrorCacheSettings.defaults(temp.resolve("data")).withOutbound(LoopbackServers.policy()), auth);
    }

    private static GitAuthentication tokens(HostCredentials credentials) {
        return new GitAuthentication(Map.of("127.0.0.1", credentials), Optional.empty(), Path.of("."));
    }

    @Nested
    class OverHttps {

        private final AtomicReference<String> serverToken = new AtomicReference<>(TOKEN);
        private GitHttpServer server;
        private RepositoryUrl url;

        @BeforeEach
        void serve() throws Exception {
            server = GitHttpServer.serve(temp.resolve("served"), "oauth2", serverToken::get);
            url = RepositoryUrl.parse(server.url("mesh"));
        }

        @AfterEach
        void stop() {
            server.close();
        }

        @Test
        void theConfiguredTokenIsSent() throws Exception {
            MirrorCache cache = cacheWith(tokens(new HostCredentials("oauth2", TOKEN, null)));

            try (Checkout checkout = cache.checkout(CheckoutRequest.of(url, sha), temp.resolve("w"))) {
                assertThat(checkout.directory().resolve("mesh/reviews.yaml")).hasContent("kind: VirtualService");
            }
        }

        @Test
        void withoutATokenTheServerRefuses() {
            MirrorCache cache = cacheWith(GitAuthentication.anonymous());

            assertThatThrownBy(() -> cache.checkout(CheckoutRequest.of(url, sha), temp.resolve("w")))
                    .isInstanceOfSatisfying(GitException.class, e -> assertThat(e.reason())
                            .as(e.getMessage())
                            .isEqualTo(GitException.Reason.AUTHENTICATION_REFUSED));
        }

        @Test
        void aWrongTokenIsRefusedAndNeverQuoted() {
            MirrorCache cache = cacheWith(tokens(new HostCredentials("oauth2", "wrong-token-123", null)));

            assertThatThrownBy(() -> cache.checkout(CheckoutRequest.of(url, sha), temp.resolve("w")))
                    .isInstanceOfSatisfying(GitException.class, e -> assertThat(e.reason())
                            .as(e.getMessage())
                            .isEqualTo(GitException.Reason.AUTHENTICATION_REFUSED))
                    .hasMessageContaining("refused meshgate's credentials")
                    .hasMessageNotContaining("wrong-token-123")
                    .hasNoCause();
            assertThat(temp.resolve("w")).doesNotExist();
        }

        @Test
        void aTokenInTheUrlIsNeverQuoted() throws Exception {
            RepositoryUrl withToken = RepositoryUrl.parse(server.url("mesh").replace("://", "://oauth2:leaked-123@"));
            MirrorCache cache = cacheWith(GitAuthentication.anonymous());

            assertThatThrownBy(() -> cache.checkout(
                            CheckoutRequest.of(withToken, "0123456789abcdef0123456789abcdef01234567"),
                            temp.resolve("w")))
                    .isInstanceOf(GitException.class)
                    .hasMessageNotContaining("leaked-123");
        }

        @Test
        void aTokenFileIsReadAtEveryUseSoARotatedSecretTakesEffect() throws Exception {
            Path tokenFile = Files.writeString(temp.resolve("token"), TOKEN + "\n");
            MirrorCache cache = cacheWith(tokens(new HostCredentials("oauth2", null, tokenFile)));
            cache.checkout(CheckoutRequest.of(url, sha), temp.resolve("w1")).close();

            serverToken.set("rotated-token");
            String next = source.commit(Map.of("mesh/reviews.yaml", "kind: DestinationRule\n"));
            assertThatThrownBy(() -> cache.checkout(CheckoutRequest.of(url, next), temp.resolve("w2")))
                    .isInstanceOfSatisfying(GitException.class, e -> assertThat(e.reason())
                            .as(e.getMessage())
                            .isEqualTo(GitException.Reason.AUTHENTICATION_REFUSED));

            Files.writeString(tokenFile, "rotated-token");
            try (Checkout checkout = cache.checkout(CheckoutRequest.of(url, next), temp.resolve("w3"))) {
                assertThat(checkout.directory().resolve("mesh/reviews.yaml")).hasContent("kind: DestinationRule");
            }
        }

        @Test
        void aMissingTokenFileIsAClearError() {
            MirrorCache cache = cacheWith(tokens(new HostCredentials(null, null, temp.resolve("absent"))));

            assertThatThrownBy(() -> cache.checkout(CheckoutRequest.of(url, sha), temp.resolve("w")))
                    .isInstanceOf(GitException.class)
                    .hasMessageContaining("token file for 127.0.0.1")
                    .hasMessageContaining("cannot be read");
        }
    }

    @Nested
    class OverSsh {

        private KeyPair clientKey;
        private SshGitServer server;
        private RepositoryUrl url;
        private Path privateKey;

        @BeforeEach
        void serve() throws Exception {
            clientKey = SshGitServer.newKeyPair();
            server = SshGitServer.serve(temp.resolve("served"), clientKey.getPublic());
            url = RepositoryUrl.parse(server.url("mesh"));
            privateKey = SshGitServer.writePrivateKey(clientKey, temp.resolve("id_ecdsa"));
        }

        @AfterEach
        void stop() throws Exception {
            server.close();
        }

        private MirrorCache cacheTrusting(Path key, String knownHosts) throws Exception {
            Path knownHostsFile = Files.writeString(temp.resolve("known_hosts"), knownHosts);
            Path sshHome = Files.createDirectories(temp.resolve("ssh-home"));
            return cacheWith(
                    new GitAuthentication(Map.of(), Optional.of(new SshIdentity(key, knownHostsFile)), sshHome));
        }

        @Test
        void theKeyOpensTheRepositoryOnAKnownHost() throws Exception {
            MirrorCache cache = cacheTrusting(privateKey, server.knownHostsLine());

            try (Checkout checkout = cache.checkout(CheckoutRequest.of(url, sha), temp.resolve("w"))) {
                assertThat(checkout.directory().resolve("mesh/reviews.yaml")).hasContent("kind: VirtualService");
            }
        }

        @Test
        void aHostMissingFromKnownHostsIsRefused() throws Exception {
            MirrorCache cache = cacheTrusting(privateKey, "");

            assertThatThrownBy(() -> cache.checkout(CheckoutRequest.of(url, sha), temp.resolve("w")))
                    .isInstanceOfSatisfying(GitException.class, e -> assertThat(e.reason())
                            .as(e.getMessage())
                            .isEqualTo(GitException.Reason.AUTHENTICATION_REFUSED))
                    .hasMessageContaining("known_hosts");
        }

        @Test
        void aKeyTheServerDoesNotKnowIsRefused() throws Exception {
            Path otherKey = SshGitServer.writePrivateKey(SshGitServer.newKeyPair(), temp.resolve("id_other"));
            MirrorCache cache = cacheTrusting(otherKey, server.knownHostsLine());

            assertThatThrownBy(() -> cache.checkout(CheckoutRequest.of(url, sha), temp.resolve("w")))
                    .isInstanceOfSatisfying(GitException.class, e -> assertThat(e.reason())
                            .as(e.getMessage())
                            .isEqualTo(GitException.Reason.AUTHENTICATION_REFUSED))
                    .hasMessageContaining("refused meshgate's credentials");
        }

        @Test
        void withoutAKeyConfiguredSshUrlsAreRefusedUpFront() {
            MirrorCache cache = cacheWith(GitAuthentication.anonymous());

            assertThatThrownBy(() -> cache.checkout(CheckoutRequest.of(url, sha), temp.resolve("w")))
                    .isInstanceOf(GitException.class)
                    .hasMessageContaining("no SSH private key");
        }
    }
}
