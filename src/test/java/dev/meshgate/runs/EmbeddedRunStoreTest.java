package dev.meshgate.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 database, and the taking-in of the file store's records. */
class EmbeddedRunStoreTest extends RunStoreContract {

    @TempDir
    Path temp;

    @Override
    RunStore openStore() {
        return RunStore.embedded(temp.resolve("runs"));
    }

    @Test
    void recordsOfTheEarlierFileStoreAreTakenInOnceAndADamagedOneIsLeftWhereItIs() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("runs"));
        Run run = Run.accepted("old-run", pullRequest(sha(9)), "delivery-9", T0)
                .finished(RunOutcome.error(null, "from before"), T0);
        RunRecordJson.mapper().writeValue(folder.resolve("old-run.json").toFile(), run);
        Files.writeString(folder.resolve("bad.json"), "{\"id\": \"bad\", \"state\":");

        assertThat(store().get("old-run")).contains(run);
        assertThat(folder.resolve("imported/old-run.json")).exists();
        assertThat(folder.resolve("bad.json")).exists();
        assertThat(folder.resolve("old-run.json")).doesNotExist();
    }
}
