package dev.meshgate.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.forge.CommitStatus;
import dev.meshgate.forge.FakeForges;
import dev.meshgate.intake.WebhookTestSecret;
import dev.meshgate.metrics.Exposition;
import dev.meshgate.revision.Forge;
import dev.meshgate.revision.Revision;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The queue's gauges on {@code /q/metrics} read the store: a run waiting there counts, and so does its age. A profile of
 * its own gives the test an instance whose workers it may stop, since a queued run in the store is work they claim.
 */
@QuarkusTest
@TestProfile(QueueGaugesTest.OwnInstance.class)
@QuarkusTestResource(TemporaryDataDirectory.class)
@QuarkusTestResource(WebhookTestSecret.class)
@QuarkusTestResource(FakeForges.class)
class QueueGaugesTest {

    /** No settings of its own: only a separate instance. */
    public static class OwnInstance implements QuarkusTestProfile {}

    @Inject
    RunStore store;

    @Inject
    RunQueue queue;

    @Test
    void aRunWaitingInTheStoreIsQueueDepthAndItsWaitTheOldestAge() {
        queue.close();
        Exposition before = Exposition.scrape();
        Revision revision = pushOf("waiting", "fedcba9876543210fedcba9876543210fedcba98");
        // Saved with the workers stopped: no worker takes it, so it waits for as long as the test looks.
        store.save(Run.accepted("waiting-run", revision, null, Instant.now().minus(Duration.ofMinutes(5))));

        Exposition after = Exposition.scrape();

        assertThat(after.increaseSince(before, "meshgate_queued_runs")).isEqualTo(1);
        assertThat(after.value("meshgate_queue_oldest_age_seconds")).isBetween(300.0, 3600.0);
    }

    @Test
    void aPostWrittenToTheStoreCountsAsUnsettledUntilAReplicaPostsIt() {
        queue.close();
        Exposition before = Exposition.scrape();
        Revision revision = pushOf("owed", "0123456789abcdef0123456789abcdef01234567");
        store.admit(
                revision,
                null,
                100,
                () -> Run.accepted("owed-run", revision, null, Instant.now()),
                (older, newer) -> older,
                run -> List.of(OutboxPost.status(
                        run, new CommitStatus(CommitStatus.State.PENDING, "queued", null, "meshgate"))));

        assertThat(Exposition.scrape().increaseSince(before, "meshgate_status_outbox_unsettled"))
                .isEqualTo(1);
    }

    private static Revision pushOf(String name, String sha) {
        return Revision.push(
                Forge.GITHUB,
                "acme/" + name,
                "https://git.example.com/acme/" + name + ".git",
                null,
                sha,
                "refs/heads/main");
    }
}
