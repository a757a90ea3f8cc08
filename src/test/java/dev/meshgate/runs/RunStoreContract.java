package dev.meshgate.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.forge.CommitStatus;
import dev.meshgate.revision.Forge;
import dev.meshgate.revision.Revision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The run store's contract, run against every backend: what one replica writes another reads, deliveries and commits
 * are deduplicated across replicas, runs are claimed under leases and taken over when a lease runs out, and the outbox
 * hands out the posts of one key in order.
 */
abstract class RunStoreContract {

    static final Duration LEASE = Duration.ofSeconds(30);
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final List<RunStore> opened = new ArrayList<>();

    /** A store on the test's database; called twice, two replicas on the same database. */
    abstract RunStore openStore();

    RunStore store() {
        RunStore store = openStore();
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(RunStore::close);
    }

    static Revision push(String branch, String sha) {
        return Revision.push(
                Forge.GITHUB, "acme/mesh", "https://github.example/acme/mesh.git", null, sha, "refs/heads/" + branch);
    }

    static Revision pullRequest(String sha) {
        return new Revision(
                Forge.GITLAB,
                "42",
                "https://gitlab.example.com/acme/mesh.git",
                "https://gitlab.example.com/acme/mesh",
                sha,
                "refs/merge-requests/7/head",
                7,
                "main");
    }

    static String sha(int n) {
        return String.format("%040x", n);
    }

    static CommitStatus status(Run run) {
        return new CommitStatus(run.state().status(), run.description(), "http://gate/runs/" + run.id(), "meshgate");
    }

    static List<OutboxPost> statusPost(Run run) {
        return List.of(OutboxPost.status(run, status(run)));
    }

    static RunStore.Admission admit(RunStore store, Revision revision, String delivery, String id, Instant at) {
        return store.admit(
                revision,
                delivery,
                100,
                () -> Run.accepted(id, revision, delivery, at),
                (older, newer) -> older.supersededBy(newer, at),
                RunStoreContract::statusPost);
    }

    @Test
    void aRecordWrittenByOneReplicaIsReadWholeByAnother() {
        Run run = Run.accepted("run-1", pullRequest(sha(1)), "delivery-1", T0).started(T0.plusSeconds(1));
        store().save(run);

        Run read = store().get("run-1").orElseThrow();

        assertThat(read).isEqualTo(run);
        assertThat(read.revision().isChangeRequest()).isTrue();
        assertThat(read.state()).isEqualTo(RunState.RUNNING);
    }

    @Test
    void theBacklogCountsOnlyQueuedRunsAndTellsWhenTheOldestWasAccepted() {
        RunStore store = store();
        assertThat(store.backlog()).isEqualTo(new Backlog(0, java.util.Optional.empty()));
        store.save(Run.accepted("run-1", push("a", sha(1)), null, T0.plusSeconds(20)));
        store.save(Run.accepted("run-2", push("b", sha(2)), null, T0.plusSeconds(10)));
        store.save(Run.accepted("run-3", push("c", sha(3)), null, T0).started(T0.plusSeconds(1)));

        assertThat(store().backlog()).isEqualTo(new Backlog(2, java.util.Optional.of(T0.plusSeconds(10))));
    }

    @Test
    void theReadinessQueryAnswersOnAnOpenStoreAndTimesItselfAsARead() {
        RunStore store = store();
        List<String> operations = new java.util.concurrent.CopyOnWriteArrayList<>();
        store.timedBy((operation, took) -> operations.add(operation));

        store.check();
        store.prune(10);

        assertThat(operations).containsExactly("read", "prune");
    }

    @Test
    void aRedeliveryOrTheSameCommitOnAnyReplicaAnswersWithTheFirstRun() {
        RunStore first = store();
        RunStore second = store();
        assertThat(admit(first, push("main", sha(1)), "d-1 aa", "run-1", T0)).isInstanceOf(RunStore.Admitted.class);

        assertThat(admit(second, push("main", sha(1)), "d-1 aa", "run-2", T0)).isEqualTo(new RunStore.Known("run-1"));
        assertThat(admit(second, push("main", sha(1)), "d-2 bb", "run-3", T0)).isEqualTo(new RunStore.Known("run-1"));
        // The same id with another body is another delivery: here another commit, which gets its own run.
        assertThat(admit(second, push("feature", sha(2)), "d-1 cc", "run-4", T0))
                .isInstanceOf(RunStore.Admitted.class);

        assertThat(first.get("run-1").orElseThrow().deliveryIds()).containsExactly("d-1 aa", "d-2 bb");
        assertThat(first.find(run -> true)).extracting(Run::id).containsExactlyInAnyOrder("run-1", "run-4");
    }

    @Test
    void replicasRacingOnOneCommitMakeOneRun() throws Exception {
        RunStore first = store();
        RunStore second = store();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<RunStore.Admission>> offers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                RunStore replica = i % 2 == 0 ? first : second;
                String id = "run-" + i;
                String delivery = "d-" + i;
                offers.add(() -> admit(replica, push("main", sha(7)), delivery, id, T0));
            }
            long admitted = 0;
            for (Future<RunStore.Admission> answer : threads.invokeAll(offers)) {
                admitted += answer.get() instanceof RunStore.Admitted ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(first.find(run -> true)).hasSize(1);
        assertThat(first.find(run -> true).get(0).deliveryIds()).hasSize(16);
    }

    @Test
    void aNewerCommitSupersedesTheUnfinishedRunOfItsLineAndBothPostsGoToTheOutbox() {
        RunStore store = store();
        admit(store, push("main", sha(1)), null, "older", T0);
        RunStore.Admission newer = admit(store, push("main", sha(2)), null, "newer", T0.plusSeconds(1));

        assertThat(((RunStore.Admitted) newer).superseded()).extracting(Run::id).containsExactly("older");
        assertThat(store.get("older").orElseThrow().state()).isEqualTo(RunState.SUPERSEDED);
        // The superseded run's pending was overtaken by its error before any replica took it: only the error goes.
        assertThat(store.claimPosts("me", T0, 10))
                .extracting(post -> post.runId() + " " + post.status().state())
                .containsExactly("older ERROR", "newer PENDING");
        // A superseded commit may be validated again later.
        assertThat(admit(store, push("other", sha(1)), null, "again", T0.plusSeconds(2)))
                .isInstanceOf(RunStore.Admitted.class);
    }

    @Test
    void aFullQueueRefusesNewRunsButStillAnswersKnownOnes() {
        RunStore store = store();
        Revision first = push("a", sha(1));
        store.admit(first, "d-1", 1, () -> Run.accepted("run-1", first, "d-1", T0), (o, n) -> o, r -> List.of());
        Revision second = push("b", sha(2));

        assertThat(store.admit(
                        second, "d-2", 1, () -> Run.accepted("run-2", second, "d-2", T0), (o, n) -> o, r -> List.of()))
                .isInstanceOf(RunStore.Full.class);
        assertThat(store.admit(
                        first, "d-1", 1, () -> Run.accepted("run-3", first, "d-1", T0), (o, n) -> o, r -> List.of()))
                .isEqualTo(new RunStore.Known("run-1"));
    }

    @Test
    void aRunIsClaimedOnceAndTakenOverOnlyAfterItsReplicaLeaseRanOut() {
        RunStore one = store();
        RunStore two = store();
        admit(one, push("main", sha(1)), null, "run-1", T0);
        one.renew("one", T0.plus(LEASE));
        two.renew("two", T0.plus(LEASE));

        assertThat(one.claim("one", T0, Duration.ZERO, Duration.ZERO))
                .map(Run::state)
                .contains(RunState.RUNNING);
        assertThat(two.claim("two", T0.plusSeconds(1), Duration.ZERO, Duration.ZERO))
                .isEmpty();

        Instant later = T0.plus(LEASE).plusSeconds(1);
        two.renew("two", later.plus(LEASE));
        assertThat(two.claim("two", later, Duration.ZERO, Duration.ZERO))
                .map(Run::id)
                .contains("run-1");

        // The replica that lost its lease cannot record a verdict any more; the one that took over can.
        assertThat(one.finish(
                        "run-1", "one", run -> run.finished(RunOutcome.error(null, "late"), later), r -> List.of()))
                .isEmpty();
        assertThat(two.finish(
                        "run-1", "two", run -> run.finished(RunOutcome.error(null, "x"), later), r -> statusPost(r)))
                .map(Run::state)
                .contains(RunState.ERROR);
    }

    @Test
    void runsWaitForDeliveriesToPauseButNotLongerThanTheLongestSettle() {
        RunStore store = store();
        admit(store, push("a", sha(1)), null, "run-1", T0);
        admit(store, push("b", sha(2)), null, "run-2", T0.plusMillis(40));
        store.renew("me", T0.plus(LEASE));
        Duration settle = Duration.ofMillis(50);
        Duration longest = Duration.ofMillis(500);

        assertThat(store.claim("me", T0.plusMillis(60), settle, longest)).isEmpty();
        assertThat(store.claim("me", T0.plusMillis(100), settle, longest))
                .map(Run::id)
                .contains("run-1");
        admit(store, push("c", sha(3)), null, "run-3", T0.plusMillis(560));
        assertThat(store.claim("me", T0.plusMillis(570), settle, longest))
                .map(Run::id)
                .contains("run-2");
    }

    @Test
    void aGracefulStopGivesItsRunsAndPostsBackAtOnce() {
        RunStore one = store();
        RunStore two = store();
        admit(one, push("main", sha(1)), null, "run-1", T0);
        one.renew("one", T0.plus(LEASE));
        two.renew("two", T0.plus(LEASE));
        one.claim("one", T0, Duration.ZERO, Duration.ZERO);
        assertThat(one.claimPosts("one", T0, 10)).hasSize(1);
        assertThat(two.claimPosts("two", T0, 10)).isEmpty();

        one.release("one");

        assertThat(two.claimPosts("two", T0, 10)).hasSize(1);
        assertThat(two.claim("two", T0, Duration.ZERO, Duration.ZERO))
                .map(Run::id)
                .contains("run-1");
    }

    @Test
    void aPostAlreadyHandedOutLearnsThatItWasOvertakenAndAnUnclaimedOneIsCrossedOff() {
        RunStore store = store();
        admit(store, push("main", sha(1)), null, "run-1", T0);
        store.renew("me", T0.plus(LEASE));
        List<OutboxPost> pending = store.claimPosts("me", T0, 10);
        assertThat(pending).extracting(post -> post.status().state()).containsExactly(CommitStatus.State.PENDING);
        assertThat(store.newestOfItsKey(pending.get(0))).isTrue();

        store.claim("me", T0, Duration.ZERO, Duration.ZERO);
        store.finish("run-1", "me", run -> run.finished(RunOutcome.error(null, "x"), T0), RunStoreContract::statusPost);

        assertThat(store.newestOfItsKey(pending.get(0))).isFalse();
        List<OutboxPost> verdict = store.claimPosts("me", T0, 10);
        assertThat(verdict).extracting(post -> post.status().state()).containsExactly(CommitStatus.State.ERROR);
        assertThat(store.unsettledPosts())
                .as("the overtaken pending is crossed off")
                .isEqualTo(1);
        assertThat(store.newestOfItsKey(verdict.get(0))).isTrue();
        store.settle(verdict.get(0));
        assertThat(store.unsettledPosts()).isZero();
    }

    @Test
    void pruningDeletesTheOldestFinishedRunsButNeverAnUnfinishedOne() {
        RunStore store = store();
        store.save(Run.accepted("oldest-unfinished", pullRequest(sha(100)), null, T0));
        for (int i = 1; i <= 4; i++) {
            Run run = Run.accepted("run-" + i, pullRequest(sha(i)), null, T0.plusSeconds(i));
            store.save(run.finished(RunOutcome.error(null, "x"), T0.plusSeconds(i)));
        }

        assertThat(store.prune(3)).isEqualTo(2);

        assertThat(store().find(run -> true))
                .extracting(Run::id)
                .containsExactly("run-4", "run-3", "oldest-unfinished");
    }

    @Test
    void commitsAreFoundByAnyPrefixOfTheirId() {
        RunStore store = store();
        admit(store, push("main", sha(0xabcdef)), null, "run-1", T0);

        assertThat(store.ofCommit(sha(0xabcdef).substring(0, 36)))
                .extracting(Run::id)
                .containsExactly("run-1");
        assertThat(store.ofCommit("ffff")).isEmpty();
    }
}
