package dev.meshgate.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.revision.Forge;
import dev.meshgate.revision.Revision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run records on disk: they come back after a restart, whole, and a damaged one does not stop the others. */
class RunStoreTest {

    @TempDir
    Path temp;

    private final Revision pullRequest = new Revision(
            Forge.GITLAB,
            "42",
            "https://gitlab.example.com/acme/mesh.git",
            "https://gitlab.example.com/acme/mesh",
            "0123456789abcdef0123456789abcdef01234567",
            "refs/merge-requests/7/head",
            7,
            "main");

    @Test
    void aRecordComesBackWholeAfterARestart() {
        Run run = Run.accepted("run-1", pullRequest, "delivery-1", Instant.parse("2026-11-24T10:00:00Z"))
                .started(Instant.parse("2026-11-24T10:00:01Z"));
        new RunStore(temp).save(run);

        Run read = new RunStore(temp).get("run-1").orElseThrow();

        assertThat(read).isEqualTo(run);
        assertThat(read.revision().isChangeRequest()).isTrue();
        assertThat(read.state()).isEqualTo(RunState.RUNNING);
    }

    @Test
    void aDamagedRecordIsLeftOutAndTheOthersAreRead() throws Exception {
        new RunStore(temp).save(Run.accepted("good", pullRequest, null, Instant.now()));
        Files.writeString(temp.resolve("bad.json"), "{\"id\": \"bad\", \"state\":");

        RunStore reopened = new RunStore(temp);

        assertThat(reopened.get("good")).isPresent();
        assertThat(reopened.get("bad")).isEmpty();
    }

    @Test
    void pruningKeepsTheNewestFinishedRunsAndNeverCountsOrDeletesAnUnfinishedOne() {
        RunStore store = new RunStore(temp);
        Instant start = Instant.parse("2026-11-24T10:00:00Z");
        store.save(Run.accepted("oldest-unfinished", pullRequest, null, start));
        for (int i = 1; i <= 4; i++) {
            Run run = Run.accepted("run-" + i, pullRequest, null, start.plusSeconds(i));
            store.save(run.finished(RunOutcome.error(null, "x"), start.plusSeconds(i)));
        }

        assertThat(store.prune(2)).isEqualTo(2);

        RunStore reopened = new RunStore(temp);
        assertThat(reopened.find(run -> true).stream().map(Run::id))
                .containsExactly("run-4", "run-3", "oldest-unfinished");
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws Exception {
        RunStore store = new RunStore(temp);
        store.save(Run.accepted("run-1", pullRequest, null, Instant.now()));
        store.update("run-1", run -> run.started(Instant.now()));

        try (var files = Files.list(temp)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("run-1.json");
        }
    }
}
