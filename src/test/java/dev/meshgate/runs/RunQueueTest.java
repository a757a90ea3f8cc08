package dev.meshgate.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.forge.CommitStatus.State;
import dev.meshgate.git.GitAuthentication;
import dev.meshgate.git.MirrorCache;
import dev.meshgate.git.MirrorCacheSettings;
import dev.meshgate.revision.Forge;
import dev.meshgate.revision.Revision;
import dev.meshgate.revision.RunSubmitter;
import dev.meshgate.testing.GitCommandLine;
import dev.meshgate.testing.GitDaemon;
import dev.meshgate.testing.LoopbackServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run queue against a real git server, real checkouts and real validation; statuses are recorded. */
class RunQueueTest {

    @TempDir
    Path temp;

    private GitDaemon daemon;
    private GitCommandLine git;
    private Path source;
    private String cloneUrl;
    private final RecordingPublisher statuses = new RecordingPublisher();
    private MirrorCache mirrors;
    private RunQueue queue;
    private final java.util.Map<String, RunStore> stores = new java.util.HashMap<>();

    /** The store in a folder of the test's, opened once. */
    private RunStore store(String folder) {
        return stores.computeIfAbsent(folder, name -> RunStore.embedded(temp.resolve(name)));
    }

    @BeforeEach
    void serve() throws IOException {
        source = Files.createDirectories(temp.resolve("served/mesh"));
        git = new GitCommandLine(source);
        git.run("init", "-q", "-b", "main");
        git.run("config", "uploadpack.allowReachableSHA1InWant", "true");
        daemon = GitDaemon.serve(temp.resolve("served"));
        cloneUrl = daemon.url("mesh");
        mirrors = new MirrorCache(
                MirrorCacheSettings.defaults(temp.resolve("data")).withOutbound(LoopbackServers.policy()),
                GitAuthentication.anonymous());
    }

    @AfterEach
    void stop() {
        if (queue != null) {
            queue.close();
        }
        stores.values().forEach(RunStore::close);
        daemon.close();
    }

    /** Serves the repository with pushes allowed, as the verified branch needs. */
    private void servePushes() {
        daemon.close();
        daemon = GitDaemon.serveWithPush(temp.resolve("served"));
        cloneUrl = daemon.url("mesh");
        git.run("config", "receive.denyCurrentBranch", "ignore");
    }

    private RunQueue queue(RunWorker worker, int workers, int capacity) {
        RunSettings settings =
                new RunSettings(temp.resolve("data"), workers, capacity, "http://gate.example/", "meshgate", 100);
        RunQueue started = new RunQueue(store("data/runs"), worker, statuses, settings, Clock.systemUTC());
        started.resume();
        return started;
    }

    private RunWorker worker() {
        return new RunWorker(mirrors, temp.resolve("data/work"), true);
    }

    /** Commits a copy of a sample folder as the whole tree; returns the commit. */
    private String commitSample(String sample) throws IOException {
        git.run("rm", "-r", "-q", "--ignore-unmatch", ".");
        SampleRepository.copyManifests(sample, source);
        git.run("add", "-A");
        git.run("commit", "-q", "--allow-empty", "-m", sample);
        return git.run("rev-parse", "HEAD");
    }

    private Revision pushTo(String branch, String sha) {
        return Revision.push(Forge.GITHUB, "acme/mesh", cloneUrl, null, sha, "refs/heads/" + branch);
    }

    private Run awaitFinal(String id) throws InterruptedException {
        return awaitFinalIn("data/runs", id);
    }

    /**
     * The run once it reached a verdict, or as it is after a minute. The queue records every change of state before it
     * publishes the run's status, so each status published is the moment to read the record again.
     */
    private Run awaitFinalIn(String store, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            // Counted before the record is read: a verdict recorded after the read is published after the count.
            int published = statuses.count();
            Run run = store(store).get(id).orElseThrow();
            if (run.state().isFinal() || !statuses.awaitMoreThan(published, deadline)) {
                return run;
            }
        }
    }

    private static String id(RunSubmitter.Submission submission) {
        return ((RunSubmitter.Accepted) submission).runId();
    }

    @Test
    void aValidCommitPassesWithPendingThenSuccess() throws Exception {
        String sha = commitSample("valid-mesh");
        queue = queue(worker(), 2, 10);

        Run run = awaitFinal(id(queue.submit(pushTo("main", sha), "delivery-1")));

        assertThat(run.state()).isEqualTo(RunState.PASSED);
        assertThat(run.description()).startsWith("no problems in ").contains("(8 files)");
        assertThat(run.report().summary().passed()).isTrue();
        assertThat(statuses.states(sha)).containsExactly(State.PENDING, State.SUCCESS);
        assertThat(statuses.last(sha).targetUrl()).isEqualTo("http://gate.example/runs/" + run.id());
        assertThat(statuses.last(sha).context()).isEqualTo("meshgate");
    }

    @Test
    void theVerifiedBranchFollowsOnlyPassingCommitsOfTheTrackedBranch() throws Exception {
        servePushes();
        RunWorker worker = worker().movingVerifiedBranch(new VerifiedBranch(mirrors, "meshgate/verified", "main"));
        queue = queue(worker, 1, 10);

        String passing = commitSample("valid-mesh");
        Run first = awaitFinal(id(queue.submit(pushTo("main", passing), null)));
        String failing = commitSample("broken/subset-not-found");
        Run second = awaitFinal(id(queue.submit(pushTo("main", failing), null)));
        String otherBranch = commitSample("valid-mesh");
        Run third = awaitFinal(id(queue.submit(pushTo("feature", otherBranch), null)));

        assertThat(first.notes()).as(first.description()).contains("meshgate/verified moved to this commit");
        assertThat(second.state()).isEqualTo(RunState.FAILED);
        assertThat(second.notes()).noneMatch(note -> note.contains("meshgate/verified"));
        assertThat(third.notes()).noneMatch(note -> note.contains("meshgate/verified"));
        assertThat(git.run("rev-parse", "refs/heads/meshgate/verified")).isEqualTo(passing);
    }

    @Test
    void aVerifiedBranchThatMovedElsewhereIsNeverForced() throws Exception {
        servePushes();
        commitSample("valid-mesh");
        git.run("commit", "-q", "--allow-empty", "-m", "a commit main no longer has");
        String elsewhere = git.run("rev-parse", "HEAD");
        git.run("branch", "meshgate/verified", elsewhere);
        git.run("reset", "-q", "--hard", "HEAD~1");
        String passing = commitSample("valid-mesh");
        RunWorker worker = worker().movingVerifiedBranch(new VerifiedBranch(mirrors, "meshgate/verified", "main"));
        queue = queue(worker, 1, 10);

        Run run = awaitFinal(id(queue.submit(pushTo("main", passing), null)));

        assertThat(run.state()).as(run.description()).isEqualTo(RunState.PASSED);
        assertThat(run.notes()).anyMatch(note -> note.startsWith("meshgate/verified not moved: "));
        assertThat(git.run("rev-parse", "refs/heads/meshgate/verified")).isEqualTo(elsewhere);
    }

    @Test
    void aBrokenCommitFailsWithItsFindingsOnSourceLines() throws Exception {
        String sha = commitSample("broken/subset-not-found");
        queue = queue(worker(), 2, 10);

        Run run = awaitFinal(id(queue.submit(pushTo("main", sha), null)));

        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.description()).isEqualTo("1 error, 0 warnings in 8 files");
        assertThat(run.report().findings().get(0).code()).isEqualTo("IST0101");
        assertThat(run.report().findings().get(0).origin().file()).isEqualTo("routing.yaml");
        assertThat(run.report().findings().get(0).origin().line()).isEqualTo(57);
        assertThat(statuses.states(sha)).containsExactly(State.PENDING, State.FAILURE);
    }

    @Test
    void anOverlayIsRenderedAndItsBrokenReferenceFailsAtTheBaseLine() throws Exception {
        String sha = commitSample("rendered/kustomize-overlays");
        queue = queue(worker(), 2, 10);

        Run run = awaitFinal(id(queue.submit(pushTo("main", sha), null)));

        assertThat(run.state()).isEqualTo(RunState.FAILED);
        dev.meshgate.analysis.Finding finding = run.report().findings().get(0);
        assertThat(finding.code()).isEqualTo("IST0101");
        assertThat(finding.application()).isEqualTo("overlays/prod");
        assertThat(finding.origin().file()).isEqualTo("base/routing.yaml");
        assertThat(finding.origin().line()).isEqualTo(23);
        assertThat(run.notes()).anyMatch(note -> note.startsWith("rendered overlays/"));
    }

    @Test
    void anInventoryResolvesWhatTheRepositoryLeavesOpenAndAMissingOneIsANote() throws Exception {
        String sha = commitSample("broken/host-not-found");
        Run without = awaitFinal(id((queue = queue(worker(), 1, 10)).submit(pushTo("main", sha), null)));
        queue.close();
        java.nio.file.Path inventory = java.nio.file.Files.writeString(
                temp.resolve("inventory.yaml"),
                """
                apiVersion: v1
                kind: Service
                metadata: {name: checkuot, namespace: shop}
                spec:
                  selector: {app: checkout}
                  ports: [{name: http, port: 8080}]
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: checkuot, namespace: shop}
                spec:
                  host: checkuot
                  subsets: [{name: v1, labels: {app: checkout}}]
                """);

        assertThat(without.state()).isEqualTo(RunState.FAILED);
        assertThat(without.notes()).anyMatch(note -> note.startsWith("references were checked against the repository"));
        String same = commitSample("broken/host-not-found");
        queue = queue(worker().lookingUpIn(new dev.meshgate.cluster.InventoryFile(inventory)), 1, 10);
        Run with = awaitFinal(id(queue.submit(pushTo("other", same), null)));
        assertThat(with.state()).as(with.description()).isEqualTo(RunState.PASSED);
        assertThat(with.notes()).noneMatch(note -> note.startsWith("references were checked"));
        queue.close();
        queue = queue(worker().lookingUpIn(new dev.meshgate.cluster.InventoryFile(temp.resolve("gone.yaml"))), 1, 10);
        Run gone = awaitFinal(id(queue.submit(pushTo("third", commitSample("valid-mesh")), null)));
        assertThat(gone.notes()).anyMatch(note -> note.contains("the inventory gone.yaml does not exist"));
    }

    @Test
    void aRedeliveryOrTheSameCommitAgainIsNotRunTwice() throws Exception {
        String sha = commitSample("valid-mesh");
        queue = queue(worker(), 2, 10);

        RunSubmitter.Submission first = queue.submit(pushTo("main", sha), "delivery-1");
        RunSubmitter.Submission redelivered = queue.submit(pushTo("main", sha), "delivery-1");
        RunSubmitter.Submission sameCommit = queue.submit(pushTo("release", sha), "delivery-2");

        assertThat(redelivered).isEqualTo(new RunSubmitter.Accepted(id(first), true));
        assertThat(sameCommit).isEqualTo(new RunSubmitter.Accepted(id(first), true));
        awaitFinal(id(first));
        assertThat(store("data/runs").get(id(first)).orElseThrow().deliveryIds())
                .containsExactly("delivery-1", "delivery-2");
        assertThat(statuses.states(sha)).containsExactly(State.PENDING, State.SUCCESS);
    }

    @Test
    void aNewerPushSupersedesTheWaitingRunOfTheSameBranch() throws Exception {
        String older = commitSample("broken/subset-not-found");
        String newer = commitSample("valid-mesh");
        String other = commitSample("valid-mesh");
        HeldWorker held = new HeldWorker();
        queue = queue(held, 1, 10);

        // The first run holds the only worker, so the older commit of main is still waiting when the newer arrives.
        String blocker = id(queue.submit(pushTo("other", other), null));
        held.started.await();
        String olderRun = id(queue.submit(pushTo("main", older), null));
        String newerRun = id(queue.submit(pushTo("main", newer), null));
        held.release.countDown();

        Run superseded = awaitFinal(olderRun);
        assertThat(superseded.state()).isEqualTo(RunState.SUPERSEDED);
        assertThat(superseded.description()).contains("superseded by a newer commit (" + newer.substring(0, 7));
        assertThat(awaitFinal(newerRun).state()).isEqualTo(RunState.PASSED);
        assertThat(awaitFinal(blocker).state()).isEqualTo(RunState.PASSED);
        // Its pending may be crossed off unposted when the error overtook it in the outbox; the error always ends it.
        assertThat(statuses.states(older)).endsWith(State.ERROR).doesNotHaveDuplicates();
    }

    @Test
    void aFullQueueRefusesWithARetryDelayAndKeepsWhatItHas() throws Exception {
        String a = commitSample("valid-mesh");
        String b = commitSample("valid-mesh");
        String c = commitSample("valid-mesh");
        HeldWorker held = new HeldWorker();
        queue = queue(held, 1, 1);

        String running = id(queue.submit(pushTo("a", a), null));
        held.started.await();
        String waiting = id(queue.submit(pushTo("b", b), null));
        RunSubmitter.Submission refused = queue.submit(pushTo("c", c), null);
        held.release.countDown();

        assertThat(refused).isInstanceOfSatisfying(RunSubmitter.Refused.class, full -> {
            assertThat(full.retryAfter()).isPositive();
            assertThat(full.reason()).isEqualTo("the run queue is full");
        });
        assertThat(awaitFinal(running).state()).isEqualTo(RunState.PASSED);
        assertThat(awaitFinal(waiting).state()).isEqualTo(RunState.PASSED);
        assertThat(statuses.states(c)).isEmpty();
    }

    @Test
    void aDiskWithLessRoomThanTheMinimumRefusesNewRunsWithARetryDelay() throws Exception {
        String a = commitSample("valid-mesh");
        RunSettings settings = new RunSettings(
                temp.resolve("data"),
                1,
                10,
                "http://gate.example/",
                "meshgate",
                100,
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                DiskRoom.usableBytes(temp) + (1L << 40));
        queue = new RunQueue(store("data/runs"), worker(), statuses, settings, Clock.systemUTC());
        queue.resume();

        RunSubmitter.Submission refused = queue.submit(pushTo("a", a), null);

        assertThat(refused).isInstanceOfSatisfying(RunSubmitter.Refused.class, full -> {
            assertThat(full.reason()).isEqualTo("the disk of meshgate's data folder is full");
            assertThat(full.retryAfter()).isPositive();
        });
        assertThat(statuses.states(a)).isEmpty();
    }

    @Test
    void runsAcceptedBeforeAStopFinishAfterTheNextStart() throws Exception {
        String a = commitSample("valid-mesh");
        String b = commitSample("broken/subset-not-found");
        HeldWorker held = new HeldWorker();
        RunQueue before = queue(held, 1, 10);
        String running = id(before.submit(pushTo("a", a), null));
        held.started.await();
        String waiting = id(before.submit(pushTo("b", b), null));
        before.close();
        // A graceful stop gives the run under way back to the queue, for the next start or another replica.
        assertThat(store("data/runs").get(running).orElseThrow().state()).isEqualTo(RunState.QUEUED);

        queue = queue(worker(), 2, 10);

        assertThat(awaitFinal(running).state()).isEqualTo(RunState.PASSED);
        assertThat(awaitFinal(waiting).state()).isEqualTo(RunState.FAILED);
    }

    @Test
    void anUnknownCommitIsAnErrorWithTheReason() throws Exception {
        commitSample("valid-mesh");
        queue = queue(worker(), 2, 10);
        String unknown = "0123456789abcdef0123456789abcdef01234567";

        Run run = awaitFinal(id(queue.submit(pushTo("main", unknown), null)));

        assertThat(run.state()).isEqualTo(RunState.ERROR);
        assertThat(run.description()).contains("commit " + unknown);
        assertThat(statuses.states(unknown)).containsExactly(State.PENDING, State.ERROR);
    }

    @Test
    void aBrokenRepositoryConfigIsAnErrorNamingTheFileByItsRepositoryPath() throws Exception {
        commitSample("valid-mesh");
        Files.writeString(source.resolve(".meshgate.yaml"), "severity:\n  NOPE123: error\n");
        git.run("add", "-A");
        git.run("commit", "-q", "-m", "config");
        String sha = git.run("rev-parse", "HEAD");
        queue = queue(worker(), 2, 10);

        Run run = awaitFinal(id(queue.submit(pushTo("main", sha), null)));

        assertThat(run.state()).isEqualTo(RunState.ERROR);
        assertThat(run.description())
                .startsWith("invalid .meshgate.yaml: .meshgate.yaml")
                .contains("unknown code 'NOPE123'")
                .doesNotContain(temp.toString());
    }

    @Test
    void anAbbreviatedCommitIsResolvedThroughItsRef() throws Exception {
        String sha = commitSample("valid-mesh");
        queue = queue(worker(), 2, 10);
        Revision bitbucket = new Revision(
                Forge.BITBUCKET_CLOUD, "acme/mesh", cloneUrl, null, sha.substring(0, 12), "refs/heads/main", 4, "main");

        Run run = awaitFinal(id(queue.submit(bitbucket, null)));

        assertThat(run.state()).isEqualTo(RunState.PASSED);
        assertThat(run.sha()).isEqualTo(sha);
    }

    /** Opens pull request 3 from a branch off main that adds the files; returns the revision of its head. */
    private Revision pullRequest(java.util.Map<String, String> files) throws IOException {
        git.run("checkout", "-q", "-b", "feature");
        for (var file : files.entrySet()) {
            Files.writeString(source.resolve(file.getKey()), file.getValue());
        }
        git.run("add", "-A");
        git.run("commit", "-q", "-m", "feature");
        String head = git.run("rev-parse", "HEAD");
        git.run("update-ref", "refs/pull/3/head", head);
        git.run("checkout", "-q", "main");
        return new Revision(Forge.GITHUB, "acme/mesh", cloneUrl, null, head, "refs/pull/3/head", 3, "main");
    }

    private static final String NEW_BROKEN_ROUTE =
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: checkout-canary
              namespace: shop
            spec:
              hosts: [canary.shop.svc.cluster.local]
              http:
              - route:
                - destination:
                    host: checkout.shop.svc.cluster.local
                    subset: v9
            """;

    @Test
    void aChangeRequestFailsOnlyOnTheErrorsItAdds() throws Exception {
        commitSample("broken/subset-not-found");
        queue = queue(worker(), 2, 10);

        Run run = awaitFinal(id(queue.submit(pullRequest(java.util.Map.of("canary.yaml", NEW_BROKEN_ROUTE)), null)));

        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.description()).startsWith("1 new error, ").contains("(2 errors, ");
        assertThat(run.report().newFindings(dev.meshgate.analysis.Severity.ERROR))
                .isEqualTo(1);
        for (int i = 0; i < run.report().findings().size(); i++) {
            var finding = run.report().findings().get(i);
            boolean inNewFile = finding.origin().file().equals("canary.yaml");
            assertThat(run.report().isNew(i)).as(finding.toString()).isEqualTo(inNewFile);
        }
        // The comment is posted from the outbox after the status: poll for it until a deadline.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (statuses.comments.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(statuses.comments).singleElement().satisfies(comment -> assertThat(comment)
                .contains("meshgate ❌ failed", "1 new error", "http://gate.example/runs/" + run.id())
                .containsSubsequence("| new error | `canary.yaml:", "| already there error | `routing.yaml:57`"));
    }

    @Test
    void aChangeRequestOnOldDebtPassesUnlessEveryErrorIsToFail() throws Exception {
        String base = commitSample("broken/subset-not-found");
        Revision harmless = pullRequest(java.util.Map.of("NOTES.md", "no manifests here\n"));
        queue = queue(worker(), 2, 10);

        Run run = awaitFinal(id(queue.submit(harmless, null)));

        assertThat(run.state()).isEqualTo(RunState.PASSED);
        assertThat(run.description()).startsWith("0 new errors, 0 new warnings (1 errors, ");
        assertThat(run.report().comparison().orElseThrow().baseSha()).isEqualTo(base);
        queue.close();

        RunSettings settings = new RunSettings(temp.resolve("data"), 1, 10, "http://gate.example", "meshgate", 100);
        queue = new RunQueue(
                store("data/strict-runs"),
                new RunWorker(mirrors, temp.resolve("data/work"), false),
                statuses,
                settings,
                Clock.systemUTC());
        queue.resume();
        Run strict = awaitFinalIn("data/strict-runs", id(queue.submit(harmless, null)));
        assertThat(strict.state()).isEqualTo(RunState.FAILED);
    }

    /** A real worker that holds its first run until released, so that tests can fill the queue behind it. */
    private final class HeldWorker extends RunWorker {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        HeldWorker() {
            super(mirrors, temp.resolve("data/work"), true);
        }

        @Override
        RunOutcome run(Run run) {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return RunOutcome.error(null, "stopped");
            }
            return super.run(run);
        }
    }
}
