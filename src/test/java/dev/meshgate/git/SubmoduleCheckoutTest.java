package dev.meshgate.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.revision.RepositoryUrl;
import dev.meshgate.testing.GitDaemon;
import dev.meshgate.testing.LoopbackServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submodules: skipped and reported by default; fetched from the network, never from the local disk, when enabled. */
class SubmoduleCheckoutTest {

    @TempDir
    Path temp;

    private GitDaemon daemon;
    private SourceRepository parent;
    private String childCommit;
    private RepositoryUrl parentUrl;

    @BeforeEach
    void serve() throws Exception {
        SourceRepository child = SourceRepository.create(temp.resolve("served/child"));
        childCommit = child.commit(Map.of("gateway.yaml", "kind: Gateway\n"));
        parent = SourceRepository.create(temp.resolve("served/parent"));
        parent.commit(Map.of("apps/reviews.yaml", "kind: VirtualService\n"));
        daemon = GitDaemon.serve(temp.resolve("served"));
        parentUrl = RepositoryUrl.parse(daemon.url("parent"));
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    private Checkout checkout(boolean submodules, String sha) throws GitException {
        MirrorCache cache = new MirrorCache(
                MirrorCacheSettings.defaults(temp.resolve("data"))
                        .withOutbound(LoopbackServers.policy())
                        .withSubmodules(submodules),
                GitAuthentication.anonymous());
        return cache.checkout(CheckoutRequest.of(parentUrl, sha), temp.resolve("work-" + System.nanoTime()));
    }

    @Test
    void byDefaultASubmoduleIsSkippedAndNamed() throws Exception {
        String sha = parent.commitSubmodule("vendor/child", daemon.url("child"), childCommit);

        try (Checkout checkout = checkout(false, sha)) {
            assertThat(checkout.skippedSubmodules()).containsExactly("vendor/child");
            assertThat(checkout.directory().resolve("vendor/child/gateway.yaml"))
                    .doesNotExist();
            assertThat(checkout.directory().resolve("apps/reviews.yaml")).exists();
        }
    }

    @Test
    void whenEnabledTheSubmoduleCommitIsExportedInPlace() throws Exception {
        String sha = parent.commitSubmodule("vendor/child", daemon.url("child"), childCommit);

        try (Checkout checkout = checkout(true, sha)) {
            assertThat(checkout.skippedSubmodules()).isEmpty();
            assertThat(checkout.directory().resolve("vendor/child/gateway.yaml"))
                    .hasContent("kind: Gateway");
            assertThat(checkout.files()).isEqualTo(3);
        }
    }

    @Test
    void aRelativeUrlIsResolvedAgainstTheParentsUrl() throws Exception {
        String sha = parent.commitSubmodule("vendor/child", "../child", childCommit);

        try (Checkout checkout = checkout(true, sha)) {
            assertThat(checkout.directory().resolve("vendor/child/gateway.yaml"))
                    .exists();
        }
    }

    @Test
    void aSubmoduleOnTheLocalDiskIsNeverRead() throws Exception {
        String sha = parent.commitSubmodule(
                "vendor/child", temp.resolve("served/child").toUri().toString(), childCommit);

        try (Checkout checkout = checkout(true, sha)) {
            assertThat(checkout.skippedSubmodules()).containsExactly("vendor/child");
            assertThat(checkout.directory().resolve("vendor/child/gateway.yaml"))
                    .doesNotExist();
        }
    }
}
