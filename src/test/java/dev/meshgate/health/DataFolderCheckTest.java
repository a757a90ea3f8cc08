package dev.meshgate.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.git.CheckoutRequest;
import dev.meshgate.git.GitAuthentication;
import dev.meshgate.git.MirrorCache;
import dev.meshgate.git.MirrorCacheSettings;
import dev.meshgate.revision.RepositoryUrl;
import dev.meshgate.testing.GitCommandLine;
import dev.meshgate.testing.GitDaemon;
import dev.meshgate.testing.LoopbackServers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder's readiness: a file can be written there, and the mirrors fit the disk budget. */
class DataFolderCheckTest {

    @TempDir
    Path temp;

    private MirrorCache mirrors(long diskBudget) {
        return new MirrorCache(
                MirrorCacheSettings.defaults(temp.resolve("data"))
                        .withOutbound(LoopbackServers.policy())
                        .withDiskBudget(diskBudget),
                GitAuthentication.anonymous());
    }

    /** Checks a commit of a real served repository out, so that its mirror takes room. */
    private static void checkOutOne(MirrorCache mirrors, Path temp) throws Exception {
        Path source = Files.createDirectories(temp.resolve("served/mesh"));
        GitCommandLine git = new GitCommandLine(source);
        git.run("init", "-q", "-b", "main");
        Files.writeString(source.resolve("a.yaml"), "kind: ConfigMap\n");
        git.run("add", "-A");
        git.run("commit", "-q", "-m", "one");
        try (GitDaemon daemon = GitDaemon.serve(temp.resolve("served"))) {
            CheckoutRequest request =
                    CheckoutRequest.of(RepositoryUrl.parse(daemon.url("mesh")), git.run("rev-parse", "HEAD"));
            mirrors.checkout(request, temp.resolve("work")).close();
        }
    }

    @Test
    void aWritableFolderWithinItsBudgetIsUp() throws Exception {
        MirrorCache mirrors = mirrors(1L << 30);
        Files.createDirectories(temp.resolve("data"));
        checkOutOne(mirrors, temp);

        HealthCheckResponse response = new DataFolderCheck(mirrors).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsKeys("usableBytes", "mirrorBytes", "diskBudgetBytes");
        assertThat((Long) response.getData().get().get("mirrorBytes")).isPositive();
    }

    @Test
    void aFolderThatCannotBeWrittenIsDown() throws Exception {
        // A file where the folder should be: root ignores permission bits, not this.
        Files.writeString(temp.resolve("data"), "not a folder");

        HealthCheckResponse response = new DataFolderCheck(mirrors(1L << 30)).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat((String) response.getData().orElseThrow().get("error"))
                .startsWith("cannot write in the data folder");
    }

    @Test
    void mirrorsOverTheDiskBudgetAreDown() throws Exception {
        MirrorCache mirrors = mirrors(1);
        Files.createDirectories(temp.resolve("data"));
        checkOutOne(mirrors, temp);

        HealthCheckResponse response = new DataFolderCheck(mirrors).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat((String) response.getData().orElseThrow().get("error")).contains("meshgate.git.disk-budget");
    }
}
