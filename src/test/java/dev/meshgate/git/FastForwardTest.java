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

/** Moving a branch on a real git server: forward only, never forced. */
class FastForwardTest {

    @TempDir
    Path temp;

    private GitDaemon daemon;
    private SourceRepository source;
    private RepositoryUrl url;
    private MirrorCache cache;

    @BeforeEach
    void serve() throws Exception {
        source = SourceRepository.create(temp.resolve("served/mesh"));
        daemon = GitDaemon.serveWithPush(temp.resolve("served"));
        url = RepositoryUrl.parse(daemon.url("mesh"));
        cache = new MirrorCache(
                MirrorCacheSettings.defaults(temp.resolve("data")).withOutbound(LoopbackServers.policy()),
                GitAuthentication.anonymous());
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    private String fetched(String sha) throws GitException {
        cache.checkout(CheckoutRequest.of(url, sha), temp.resolve("w-" + sha)).close();
        return sha;
    }

    @Test
    void theBranchMovesForwardAndNeverBack() throws Exception {
        String first = fetched(source.commit(Map.of("a.yaml", "a: 1\n")));
        String second = fetched(source.commit(Map.of("a.yaml", "a: 2\n")));

        assertThat(cache.fastForward(url, "meshgate/verified", first).outcome()).isEqualTo(BranchUpdate.Outcome.MOVED);
        assertThat(source.git("rev-parse", "refs/heads/meshgate/verified")).isEqualTo(first);
        assertThat(cache.fastForward(url, "meshgate/verified", second).outcome())
                .isEqualTo(BranchUpdate.Outcome.MOVED);
        assertThat(cache.fastForward(url, "meshgate/verified", second).outcome())
                .isEqualTo(BranchUpdate.Outcome.UNCHANGED);

        BranchUpdate backwards = cache.fastForward(url, "meshgate/verified", first);

        assertThat(backwards.outcome()).isEqualTo(BranchUpdate.Outcome.REJECTED);
        assertThat(backwards.detail()).contains("not a fast-forward");
        assertThat(source.git("rev-parse", "refs/heads/meshgate/verified")).isEqualTo(second);
    }

    @Test
    void aCommitOffTheBranchIsRefusedNotForced() throws Exception {
        String base = fetched(source.commit(Map.of("a.yaml", "a: 1\n")));
        String onMain = fetched(source.commit(Map.of("a.yaml", "a: 2\n")));
        cache.fastForward(url, "meshgate/verified", onMain);
        source.git("checkout", "-q", "-b", "side", base);
        String sideways = fetched(source.commit(Map.of("b.yaml", "b: 1\n")));

        assertThat(cache.fastForward(url, "meshgate/verified", sideways).outcome())
                .isEqualTo(BranchUpdate.Outcome.REJECTED);
        assertThat(source.git("rev-parse", "refs/heads/meshgate/verified")).isEqualTo(onMain);
    }

    @Test
    void aServerThatTakesNoPushesIsAFailureWithItsReason() throws Exception {
        String sha = source.commit(Map.of("a.yaml", "a: 1\n"));
        try (GitDaemon readOnly = GitDaemon.serve(temp.resolve("served"))) {
            RepositoryUrl readOnlyUrl = RepositoryUrl.parse(readOnly.url("mesh"));
            cache.checkout(CheckoutRequest.of(readOnlyUrl, sha), temp.resolve("w"))
                    .close();

            BranchUpdate update = cache.fastForward(readOnlyUrl, "meshgate/verified", sha);

            assertThat(update.outcome()).isEqualTo(BranchUpdate.Outcome.FAILED);
            assertThat(update.detail()).isNotBlank();
        }
    }
}
