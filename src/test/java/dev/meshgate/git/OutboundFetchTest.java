package dev.meshgate.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshgate.revision.DestinationRefusedException;
import dev.meshgate.revision.OutboundPolicy;
import dev.meshgate.revision.RepositoryUrl;
import dev.meshgate.testing.JunkHttpServer;
import dev.meshgate.testing.LoopbackServers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetches go only where the outbound policy allows, and what a server answers never shows in an error. */
class OutboundFetchTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path temp;

    private MirrorCache cache(OutboundPolicy policy) {
        return new MirrorCache(
                MirrorCacheSettings.defaults(temp.resolve("data")).withOutbound(policy), GitAuthentication.anonymous());
    }

    @Test
    void aServerThatIsNotAGitServerIsNamedSoWithoutQuotingItsAnswer() throws Exception {
        try (JunkHttpServer junk = JunkHttpServer.start()) {
            GitException failure = fetchFailure(cache(LoopbackServers.policy()), junk.url("http"));

            assertThat(junk.requests()).isPositive();
            assertThat(failure.reason()).isIn(GitException.Reason.NOT_A_GIT_SERVER, GitException.Reason.UNREACHABLE);
            assertThat(failure.getMessage()).doesNotContain("ASIAJUNK", "do-not-reflect-me", "AccessKeyId");
        }
    }

    @Test
    void loopbackIsRefusedBeforeAnyRequestUnlessListed() throws Exception {
        try (JunkHttpServer junk = JunkHttpServer.start()) {
            MirrorCache anyHost = cache(OutboundPolicy.allowing(List.of("*")).allowingHttp(true));

            GitException byAddress = fetchFailure(anyHost, "http://localhost:" + junk.port() + "/mesh.git");
            GitException byName = fetchFailure(cache(OutboundPolicy.allowing(List.of("github.com"))), junk.url("git"));

            assertThat(byAddress.reason()).isEqualTo(GitException.Reason.NOT_ALLOWED);
            assertThat(byAddress.getMessage()).contains("localhost resolves to a loopback address");
            assertThat(byName.reason()).isEqualTo(GitException.Reason.NOT_ALLOWED);
            assertThat(byName.getMessage()).contains("127.0.0.1 is not in meshgate.git.allowed-hosts");
            assertThat(junk.requests()).isZero();
        }
    }

    @Test
    void transportHelpersAndLocalFilesAreNeverServerUrls() throws Exception {
        MirrorCache anyHost = cache(OutboundPolicy.allowing(List.of("*")));

        assertThat(fetchFailure(anyHost, "sftp://github.com/acme/mesh.git").getMessage())
                .contains("scheme 'sftp:'");
        assertThat(fetchFailure(anyHost, "http://github.com/acme/mesh.git").getMessage())
                .contains("plain http is refused");
    }

    @Test
    void aTlsConnectionIsCheckedOnTheAddressItActuallyReached() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ConnectedAddressCheck check = new ConnectedAddressCheck(
                    OutboundPolicy.allowing(List.of("*")), (SSLSocketFactory) SSLSocketFactory.getDefault());
            Socket connected = new Socket();
            connected.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()));

            assertThatThrownBy(() -> check.createSocket(connected, "git.example.com", listener.getLocalPort(), true))
                    .isInstanceOf(DestinationRefusedException.class)
                    .hasMessageContaining("git.example.com resolves to a loopback address");
            assertThat(connected.isClosed()).isTrue();
            assertThatThrownBy(check::createSocket).hasCauseInstanceOf(UnsupportedOperationException.class);
        }
    }

    private GitException fetchFailure(MirrorCache cache, String url) throws Exception {
        RepositoryUrl repository = RepositoryUrl.parse(url);
        try {
            cache.checkout(CheckoutRequest.of(repository, SHA), temp.resolve("w"));
        } catch (GitException e) {
            return e;
        }
        throw new AssertionError("the checkout of " + url + " did not fail");
    }
}
