package dev.meshgate.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which URLs are server URLs, which hosts they may name, and which addresses a connection may reach. */
class OutboundPolicyTest {

    private final OutboundPolicy forges = OutboundPolicy.allowing(List.of("github.com", "*.corp.example"));

    @Test
    void serverUrlsOnAllowedHostsPass() {
        assertThatCode(() -> {
                    forges.checkServerUrl("https://github.com/acme/mesh.git");
                    forges.checkServerUrl("git@github.com:acme/mesh.git");
                    forges.checkServerUrl("ssh://git@git.corp.example:2222/acme/mesh");
                    forges.checkServerUrl("git://git.corp.example/acme/mesh");
                })
                .doesNotThrowAnyException();
    }

    @Test
    void everythingElseIsRefusedWithAReason() {
        assertThatThrownBy(() -> forges.checkServerUrl("ext::sh -c touch% /tmp/x"))
                .hasMessageContaining("transport-helper syntax");
        assertThatThrownBy(() -> forges.checkServerUrl("fd::3")).hasMessageContaining("transport-helper syntax");
        assertThatThrownBy(() -> forges.checkServerUrl("javascript:alert(1)")).hasMessageContaining("not a server URL");
        assertThatThrownBy(() -> forges.checkServerUrl("file:///etc")).hasMessageContaining("scheme 'file:'");
        assertThatThrownBy(() -> forges.checkServerUrl("/srv/git/mesh.git")).hasMessageContaining("meshgate's disk");
        assertThatThrownBy(() -> forges.checkServerUrl("http://github.com/acme/mesh.git"))
                .hasMessageContaining("plain http is refused");
        assertThatThrownBy(() -> forges.checkServerUrl("https://gitlab.com/acme/mesh.git"))
                .hasMessageContaining("not allowed: gitlab.com is not in meshgate.git.allowed-hosts");
        assertThatThrownBy(() -> forges.checkServerUrl("https://corp.example.evil.com/acme/mesh.git"))
                .hasMessageContaining("not allowed");
    }

    @Test
    void specialPurposeAddressesAreRefusedUnlessListed() throws Exception {
        OutboundPolicy anyHost = OutboundPolicy.allowing(List.of("*"));
        for (String address : List.of(
                "127.0.0.1",
                "169.254.169.254",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "::1",
                "fe80::1",
                "fd00::1",
                "0.0.0.0",
                "100.64.0.1")) {
            assertThatThrownBy(() -> anyHost.checkAddress("metadata.example", InetAddress.getByName(address)))
                    .as(address)
                    .isInstanceOf(DestinationRefusedException.class)
                    .hasMessageContaining("not allowed: metadata.example resolves to a");
        }
        assertThatCode(() -> anyHost.checkAddress("github.com", InetAddress.getByName("140.82.121.4")))
                .doesNotThrowAnyException();
    }

    @Test
    void aRangeOrAnExactHostNameListsSpecialAddresses() throws Exception {
        OutboundPolicy internal = OutboundPolicy.allowing(List.of("gitlab.internal", "*.corp.example", "10.20.0.0/16"));

        assertThatCode(() -> internal.checkAddress("gitlab.internal", InetAddress.getByName("10.9.9.9")))
                .doesNotThrowAnyException();
        assertThatCode(() -> internal.checkAddress("git.corp.example", InetAddress.getByName("10.20.3.4")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> internal.checkAddress("git.corp.example", InetAddress.getByName("10.21.3.4")))
                .hasMessageContaining("private address");
        assertThatThrownBy(() -> internal.checkAddress("git.corp.example", InetAddress.getByName("127.0.0.1")))
                .hasMessageContaining("loopback address");
    }

    @Test
    void resolvingChecksEveryAddressOfTheName() {
        OutboundPolicy anyHost = OutboundPolicy.allowing(List.of("*"));

        assertThatThrownBy(() -> anyHost.checkResolved("localhost")).hasMessageContaining("loopback address");
        assertThatCode(() -> OutboundPolicy.allowing(List.of("localhost")).checkResolved("localhost"))
                .doesNotThrowAnyException();
        assertThat(OutboundPolicy.allowing(List.of(" GitHub.com ", "")).entries())
                .containsExactly("github.com");
    }
}
