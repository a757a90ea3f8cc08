package dev.meshgate.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshgate.config.MeshgateConfig;
import dev.meshgate.revision.RepositoryUrl;
import dev.meshgate.testing.GitDaemon;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's settings, read the way Quarkus reads them, become the mirror cache's settings and credentials. */
class MirrorCacheProducerTest {

    @TempDir
    Path temp;

    private MeshgateConfig config(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.putIfAbsent("meshgate.data-dir", temp.resolve("data").toString());
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(MeshgateConfig.class)
                .addDefaultInterceptors()
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(all, "test", 100))
                .build();
        return config.getConfigMapping(MeshgateConfig.class);
    }

    @Test
    void withNoSettingsTheDefaultsApply() {
        MirrorCacheSettings settings = MirrorCacheProducer.settings(config(Map.of()));

        assertThat(settings.dataDirectory()).isEqualTo(temp.resolve("data"));
        assertThat(settings.limits()).isEqualTo(CheckoutLimits.defaults());
        assertThat(settings.diskBudgetBytes()).isEqualTo(20L << 30);
        assertThat(settings.submodules()).isFalse();
    }

    @Test
    void sizesAndTimeoutsAreReadInTheUsualUnits() {
        MirrorCacheSettings settings = MirrorCacheProducer.settings(config(Map.of(
                "meshgate.git.max-file-size", "1M",
                "meshgate.git.max-checkout-size", "64M",
                "meshgate.git.max-repository-size", "1G",
                "meshgate.git.disk-budget", "5G",
                "meshgate.git.fetch-timeout", "30S",
                "meshgate.git.submodules", "true")));

        assertThat(settings.limits())
                .isEqualTo(new CheckoutLimits(1L << 20, 64L << 20, 1L << 30, Duration.ofSeconds(30)));
        assertThat(settings.diskBudgetBytes()).isEqualTo(5L << 30);
        assertThat(settings.submodules()).isTrue();
    }

    @Test
    void aHostTokenFromConfigurationIsSentToThatHost() throws Exception {
        SourceRepository source = SourceRepository.create(temp.resolve("served/mesh"));
        String sha = source.commit(Map.of("a.yaml", "a: 1\n"));
        Path tokenFile = Files.writeString(temp.resolve("token"), "from-a-secret\n");
        MeshgateConfig config = config(Map.of(
                "meshgate.git.hosts.\"127.0.0.1\".username",
                "oauth2",
                "meshgate.git.hosts.\"127.0.0.1\".token-file",
                tokenFile.toString(),
                "meshgate.git.allow-http",
                "true"));
        // The credentials' host is allowed by default, loopback included since the entry names it exactly.
        MirrorCache cache = new MirrorCacheProducer()
                .mirrorCache(config, MirrorCacheProducer.outbound(config), MirrorObserver.NONE);

        try (GitHttpServer server = GitHttpServer.serve(temp.resolve("served"), "oauth2", () -> "from-a-secret");
                Checkout checkout = cache.checkout(
                        CheckoutRequest.of(RepositoryUrl.parse(server.url("mesh")), sha), temp.resolve("w"))) {
            assertThat(checkout.directory().resolve("a.yaml")).exists();
        }
    }

    @Test
    void aHostWithoutATokenIsRefusedAtStartup() {
        MeshgateConfig config = config(Map.of("meshgate.git.hosts.\"github.com\".username", "x-access-token"));

        assertThatThrownBy(() -> MirrorCacheProducer.authentication(config))
                .hasMessageContaining("meshgate.git.hosts.\"github.com\" needs a token or a token-file");
    }

    @Test
    void anSshKeyWithoutKnownHostsIsRefusedAtStartup() {
        MeshgateConfig config = config(Map.of("meshgate.git.ssh.private-key-file", "/etc/meshgate/id_ed25519"));

        assertThatThrownBy(() -> MirrorCacheProducer.authentication(config))
                .hasMessageContaining("both private-key-file and known-hosts-file");
    }

    @Test
    void aGitDaemonRepositoryNeedsNoCredentials() throws Exception {
        SourceRepository source = SourceRepository.create(temp.resolve("served/mesh"));
        String sha = source.commit(Map.of("a.yaml", "a: 1\n"));
        MeshgateConfig config = config(Map.of("meshgate.git.allowed-hosts", "127.0.0.1"));
        MirrorCache cache = new MirrorCacheProducer()
                .mirrorCache(config, MirrorCacheProducer.outbound(config), MirrorObserver.NONE);

        try (GitDaemon daemon = GitDaemon.serve(temp.resolve("served"));
                Checkout checkout = cache.checkout(
                        CheckoutRequest.of(RepositoryUrl.parse(daemon.url("mesh")), sha), temp.resolve("w"))) {
            assertThat(checkout.files()).isEqualTo(1);
        }
    }
}
