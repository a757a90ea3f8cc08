package dev.meshgate.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshgate.revision.RepositoryUrl;
import dev.meshgate.testing.GitDaemon;
import dev.meshgate.testing.LoopbackServers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mirror cache against a real git server (git daemon on the loopback interface). */
class MirrorCacheTest {

    @TempDir
    Path temp;

    private GitDaemon daemon;
    private SourceRepository source;
    private RepositoryUrl url;
    private MirrorCache cache;

    @BeforeEach
    void serve() throws Exception {
        source = SourceRepository.create(temp.resolve("served/mesh"));
        daemon = GitDaemon.serve(temp.resolve("served"));
        url = RepositoryUrl.parse(daemon.url("mesh"));
        cache = new MirrorCache(settings(), GitAuthentication.anonymous());
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    private MirrorCacheSettings settings() {
        return MirrorCacheSettings.defaults(temp.resolve("data")).withOutbound(LoopbackServers.policy());
    }

    private Checkout checkout(MirrorCache mirrorCache, String sha) throws GitException {
        return mirrorCache.checkout(
                CheckoutRequest.of(url, sha), temp.resolve("work-" + sha + "-" + System.nanoTime()));
    }

    @Test
    void firstUseClonesAndExportsTheCommit() throws Exception {
        String sha = source.commit(Map.of("apps/reviews.yaml", "kind: VirtualService\n", "README.md", "hello\n"));

        try (Checkout checkout = checkout(cache, sha)) {
            assertThat(checkout.sha()).isEqualTo(sha);
            assertThat(checkout.files()).isEqualTo(2);
            assertThat(checkout.directory().resolve("apps/reviews.yaml")).hasContent("kind: VirtualService");
            assertThat(mirrorRef("refs/heads/main")).isEqualTo(sha);
        }
    }

    @Test
    void closingTheCheckoutDeletesTheWorkingFolder() throws Exception {
        String sha = source.commit(Map.of("a.yaml", "a: 1\n"));
        Checkout checkout = checkout(cache, sha);
        checkout.close();
        assertThat(checkout.directory()).doesNotExist();
    }

    @Test
    void laterCommitsAreFetchedIncrementallyIntoTheSameMirror() throws Exception {
        String first = source.commit(Map.of("a.yaml", "version: 1\n"));
        checkout(cache, first).close();
        List<Path> packsAfterClone = packs();

        String second = source.commit(Map.of("a.yaml", "version: 2\n"));
        try (Checkout checkout = checkout(cache, second)) {
            assertThat(checkout.directory().resolve("a.yaml")).hasContent("version: 2");
        }
        // The first pack is still there and one more arrived: a fetch, not a new clone.
        assertThat(packs()).containsAll(packsAfterClone).hasSize(packsAfterClone.size() + 1);
    }

    @Test
    void aCommitAlreadyInTheMirrorNeedsNoServer() throws Exception {
        String sha = source.commit(Map.of("a.yaml", "a: 1\n"));
        checkout(cache, sha).close();
        daemon.close();

        try (Checkout checkout = checkout(cache, sha)) {
            assertThat(checkout.directory().resolve("a.yaml")).exists();
        }
    }

    @Test
    void pullRequestHeadsAreFetched() throws Exception {
        source.commit(Map.of("a.yaml", "a: 1\n"));
        source.git("checkout", "-q", "-b", "contributor");
        String head = source.commit(Map.of("a.yaml", "a: 2\n"));
        source.git("update-ref", "refs/pull/7/head", head);
        source.git("checkout", "-q", "main");
        source.git("branch", "-q", "-D", "contributor");

        try (Checkout checkout = checkout(cache, head)) {
            assertThat(checkout.directory().resolve("a.yaml")).hasContent("a: 2");
        }
        assertThat(mirrorRef("refs/pull/7/head")).isEqualTo(head);
    }

    /** A merge-request head is fetched with the other refs; a commit no fetched ref reaches is asked for by id. */
    @ParameterizedTest
    @ValueSource(strings = {"refs/merge-requests/3/head", "refs/keep/review"})
    void aCommitOnlyOneRefReachesIsFetched(String ref) throws Exception {
        source.commit(Map.of("a.yaml", "a: 1\n"));
        String head = source.git("commit-tree", "-p", "HEAD", "-m", "under " + ref, "HEAD^{tree}");
        source.git("update-ref", ref, head);

        try (Checkout checkout = checkout(cache, head)) {
            assertThat(checkout.sha()).isEqualTo(head);
        }
    }

    @Test
    void aRefIsResolvedToTheCommitItPointsAtNow() throws Exception {
        String first = source.commit(Map.of("a.yaml", "a: 1\n"));
        source.git("update-ref", "refs/pull/9/head", first);
        assertThat(cache.resolve(url, "main")).isEqualTo(first);

        String second = source.commit(Map.of("a.yaml", "a: 2\n"));
        assertThat(cache.resolve(url, "refs/heads/main")).isEqualTo(second);
        assertThat(cache.resolve(url, "refs/pull/9/head")).isEqualTo(first);
        assertThatThrownBy(() -> cache.resolve(url, "no-such-branch"))
                .isInstanceOfSatisfying(
                        GitException.class, e -> assertThat(e.reason()).isEqualTo(GitException.Reason.UNKNOWN_COMMIT))
                .hasMessageContaining("has no branch or ref named 'no-such-branch'");
    }

    @Test
    void anUnknownCommitIsReportedAsSuch() throws Exception {
        source.commit(Map.of("a.yaml", "a: 1\n"));
        String unknown = "0123456789abcdef0123456789abcdef01234567";

        assertThatThrownBy(() -> checkout(cache, unknown))
                .isInstanceOfSatisfying(
                        GitException.class, e -> assertThat(e.reason()).isEqualTo(GitException.Reason.UNKNOWN_COMMIT))
                .hasMessageContaining(unknown)
                .hasMessageContaining(url.redacted());
    }

    @Test
    void aShortOrMalformedIdIsRefusedBeforeAnyFetch() {
        assertThatThrownBy(() -> checkout(cache, "abc123"))
                .isInstanceOfSatisfying(
                        GitException.class, e -> assertThat(e.reason()).isEqualTo(GitException.Reason.UNKNOWN_COMMIT))
                .hasMessageContaining("40-character");
        assertThat(cache.mirrorDirectory(url)).doesNotExist();
    }

    @Test
    void aForcePushedAwayCommitNamesWhereTheBranchIsNow() throws Exception {
        String kept = source.commit(Map.of("a.yaml", "a: 1\n"));
        source.git("checkout", "-q", "-b", "feature");
        String lost = source.commit(Map.of("a.yaml", "a: 2\n"));
        source.git("reset", "-q", "--hard", kept);
        source.git("reflog", "expire", "--expire=now", "--all");
        source.git("gc", "-q", "--prune=now");

        CheckoutRequest request = CheckoutRequest.of(url, lost).onRef("refs/heads/feature");
        assertThatThrownBy(() -> cache.checkout(request, temp.resolve("work")))
                .isInstanceOfSatisfying(
                        GitException.class, e -> assertThat(e.reason()).isEqualTo(GitException.Reason.COMMIT_GONE))
                .hasMessageContaining("no longer on refs/heads/feature")
                .hasMessageContaining(kept);
    }

    @Test
    void aDeletedBranchIsNamed() throws Exception {
        source.commit(Map.of("a.yaml", "a: 1\n"));
        source.git("checkout", "-q", "-b", "feature");
        String lost = source.commit(Map.of("a.yaml", "a: 2\n"));
        source.git("checkout", "-q", "main");
        source.git("branch", "-q", "-D", "feature");
        source.git("reflog", "expire", "--expire=now", "--all");
        source.git("gc", "-q", "--prune=now");

        CheckoutRequest request = CheckoutRequest.of(url, lost).onRef("feature");
        assertThatThrownBy(() -> cache.checkout(request, temp.resolve("work")))
                .isInstanceOfSatisfying(
                        GitException.class, e -> assertThat(e.reason()).isEqualTo(GitException.Reason.COMMIT_GONE))
                .hasMessageContaining("feature no longer exists");
    }

    @Test
    void symlinksAreNeverFollowedOutOfTheTree() throws Exception {
        source.write("a.yaml", "a: 1\n");
        Files.createSymbolicLink(source.directory().resolve("passwd.yaml"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(source.directory().resolve("up"), Path.of("../../.."));
        String sha = source.commit(Map.of());

        try (Checkout checkout = checkout(cache, sha)) {
            assertThat(checkout.files()).isEqualTo(1);
            assertThat(checkout.skippedSymlinks()).isEqualTo(2);
            assertThat(Files.exists(checkout.directory().resolve("passwd.yaml"), LinkOption.NOFOLLOW_LINKS))
                    .isFalse();
            assertThat(Files.exists(checkout.directory().resolve("up"), LinkOption.NOFOLLOW_LINKS))
                    .isFalse();
        }
    }

    @Test
    void anOversizeFileFailsTheRunButNotTheCache() throws Exception {
        MirrorCache strict = new MirrorCache(
                settings().withLimits(new CheckoutLimits(1_000, 1L << 20, 1L << 30, Duration.ofSeconds(30))),
                GitAuthentication.anonymous());
        String big = source.commit(Map.of("big.yaml", "x".repeat(5_000)));

        assertThatThrownBy(() -> checkout(strict, big))
                .isInstanceOfSatisfying(
                        GitException.class, e -> assertThat(e.reason()).isEqualTo(GitException.Reason.LIMIT_EXCEEDED))
                .hasMessageContaining("big.yaml")
                .hasMessageContaining("5000 bytes");

        source.git("rm", "-q", "big.yaml");
        String small = source.commit(Map.of("small.yaml", "a: 1\n"));
        try (Checkout checkout = checkout(strict, small)) {
            assertThat(checkout.files()).isEqualTo(1);
        }
    }

    @Test
    void aCheckoutOverItsTotalSizeFails() throws Exception {
        MirrorCache strict = new MirrorCache(
                settings().withLimits(new CheckoutLimits(1_000, 2_500, 1L << 30, Duration.ofSeconds(30))),
                GitAuthentication.anonymous());
        String sha =
                source.commit(Map.of("a.yaml", "a".repeat(900), "b.yaml", "b".repeat(900), "c.yaml", "c".repeat(900)));

        assertThatThrownBy(() -> checkout(strict, sha))
                .isInstanceOfSatisfying(
                        GitException.class, e -> assertThat(e.reason()).isEqualTo(GitException.Reason.LIMIT_EXCEEDED))
                .hasMessageContaining("more than 2500 bytes");
    }

    @Test
    void aRepositoryOverItsSizeLimitIsRefusedAndNotKept() throws Exception {
        MirrorCache strict = new MirrorCache(
                settings().withLimits(new CheckoutLimits(1L << 20, 1L << 20, 2_000, Duration.ofSeconds(30))),
                GitAuthentication.anonymous());
        StringBuilder noise = new StringBuilder();
        new java.util.Random(7).ints(20_000, 'a', 'z').forEach(c -> noise.append((char) c));
        String sha = source.commit(Map.of("noise.yaml", noise.toString()));

        assertThatThrownBy(() -> checkout(strict, sha))
                .isInstanceOfSatisfying(
                        GitException.class, e -> assertThat(e.reason()).isEqualTo(GitException.Reason.LIMIT_EXCEEDED))
                .hasMessageContaining("repository limit");
        assertThat(strict.mirrorDirectory(url)).doesNotExist();
    }

    @Test
    void onlyTheRequestedPathsAreExported() throws Exception {
        String sha = source.commit(Map.of("apps/a.yaml", "a: 1\n", "apps/b/c.yaml", "c: 1\n", "docs/x.md", "x\n"));

        CheckoutRequest request = CheckoutRequest.of(url, sha).onlyPaths(List.of("apps"));
        try (Checkout checkout = cache.checkout(request, temp.resolve("work"))) {
            assertThat(checkout.files()).isEqualTo(2);
            assertThat(checkout.directory().resolve("apps/b/c.yaml")).exists();
            assertThat(checkout.directory().resolve("docs")).doesNotExist();
        }
    }

    @Test
    void aHostThatRefusesConnectionsIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RepositoryUrl nowhere = RepositoryUrl.parse("git://127.0.0.1:" + closedPort + "/mesh");

        assertThatThrownBy(() -> cache.checkout(
                        CheckoutRequest.of(nowhere, "0123456789abcdef0123456789abcdef01234567"), temp.resolve("w")))
                .isInstanceOfSatisfying(
                        GitException.class, e -> assertThat(e.reason()).isEqualTo(GitException.Reason.UNREACHABLE))
                .hasMessageContaining("cannot be reached");
        assertThat(cache.mirrorDirectory(nowhere)).doesNotExist();
    }

    // Over HTTP: JGit bounds git:// reads by interrupting the reader, which JDK sockets ignore.
    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread accepter = new Thread(() -> {
                try {
                    silent.accept();
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            accepter.setDaemon(true);
            accepter.start();
            MirrorCache impatient = new MirrorCache(
                    settings().withLimits(new CheckoutLimits(1L << 20, 1L << 20, 1L << 30, Duration.ofSeconds(1))),
                    GitAuthentication.anonymous());
            RepositoryUrl silentUrl = RepositoryUrl.parse("http://127.0.0.1:" + silent.getLocalPort() + "/mesh.git");

            assertThatThrownBy(() -> impatient.checkout(
                            CheckoutRequest.of(silentUrl, "0123456789abcdef0123456789abcdef01234567"),
                            temp.resolve("w")))
                    .isInstanceOfSatisfying(
                            GitException.class, e -> assertThat(e.reason()).isEqualTo(GitException.Reason.TIMED_OUT))
                    .hasMessageContaining("timed out");
        }
    }

    @Test
    void twoRunsOfTheSameRepositoryAtOnceBothSucceed() throws Exception {
        String first = source.commit(Map.of("a.yaml", "version: 1\n"));
        String second = source.commit(Map.of("a.yaml", "version: 2\n"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> runs = Stream.of(first, second, first, second)
                    .<Callable<String>>map(sha -> () -> {
                        try (Checkout checkout = checkout(cache, sha)) {
                            return Files.readString(checkout.directory().resolve("a.yaml"));
                        }
                    })
                    .toList();
            List<String> contents =
                    pool.invokeAll(runs).stream().map(MirrorCacheTest::result).toList();
            assertThat(contents).containsExactly("version: 1\n", "version: 2\n", "version: 1\n", "version: 2\n");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCorruptMirrorIsDeletedAndClonedAgain() throws Exception {
        String first = source.commit(Map.of("a.yaml", "version: 1\n"));
        checkout(cache, first).close();
        for (Path pack : packs()) {
            Files.writeString(pack, "not a pack");
        }
        String second = source.commit(Map.of("a.yaml", "version: 2\n"));

        MirrorCache restarted = new MirrorCache(settings(), GitAuthentication.anonymous());
        try (Checkout checkout = checkout(restarted, second)) {
            assertThat(checkout.directory().resolve("a.yaml")).hasContent("version: 2");
        }
        try (Checkout checkout = checkout(restarted, first)) {
            assertThat(checkout.directory().resolve("a.yaml")).hasContent("version: 1");
        }
    }

    @Test
    void aHalfWrittenMirrorIsReplaced() throws Exception {
        String sha = source.commit(Map.of("a.yaml", "a: 1\n"));
        Path mirror = cache.mirrorDirectory(url);
        Files.createDirectories(mirror);
        Files.writeString(mirror.resolve("HEAD"), "garbage");

        try (Checkout checkout = checkout(cache, sha)) {
            assertThat(checkout.directory().resolve("a.yaml")).exists();
        }
    }

    @Test
    void theDiskBudgetEvictsTheLeastRecentlyUsedMirror() throws Exception {
        SourceRepository other = SourceRepository.create(temp.resolve("served/other"));
        String otherSha = other.commit(Map.of("b.yaml", "b: 1\n"));
        String sha = source.commit(Map.of("a.yaml", "a: 1\n"));
        RepositoryUrl otherUrl = RepositoryUrl.parse(daemon.url("other"));
        MirrorCache tight = new MirrorCache(settings().withDiskBudget(1), GitAuthentication.anonymous());

        checkout(tight, sha).close();
        assertThat(tight.mirrorDirectory(url)).exists();
        tight.checkout(CheckoutRequest.of(otherUrl, otherSha), temp.resolve("other-work"))
                .close();

        assertThat(tight.mirrorDirectory(url)).doesNotExist();
        assertThat(tight.mirrorDirectory(otherUrl)).exists();
    }

    private String mirrorRef(String name) throws IOException {
        try (Repository mirror = new FileRepositoryBuilder()
                .setGitDir(cache.mirrorDirectory(url).toFile())
                .setMustExist(true)
                .build()) {
            Ref ref = mirror.exactRef(name);
            return ref == null ? null : ref.getObjectId().name();
        }
    }

    private List<Path> packs() throws IOException {
        try (Stream<Path> files = Files.list(cache.mirrorDirectory(url).resolve("objects/pack"))) {
            return files.filter(file -> file.toString().endsWith(".pack"))
                    .sorted()
                    .toList();
        }
    }

    private static String result(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError("a concurrent checkout failed", e);
        }
    }
}
