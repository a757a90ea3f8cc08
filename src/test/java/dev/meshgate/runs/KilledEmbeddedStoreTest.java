package dev.meshgate.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that dies the moment a commit returns (no shutdown hook, as under {@code kill -9}) leaves that commit in
 * the embedded store: the next start must not forget a verdict it already acted on.
 */
class KilledEmbeddedStoreTest {

    @TempDir
    Path temp;

    @Test
    void aCommitReturnedJustBeforeTheProcessDiedIsThereAtTheNextStart() throws Exception {
        Path folder = temp.resolve("runs");
        Process child = new ProcessBuilder(
                        Paths.get(System.getProperty("java.home"), "bin", "java")
                                .toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HaltAfterCommit.class.getName(),
                        folder.toString())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("child.log").toFile())
                .start();
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue())
                .as("the child halts with 7 once the commit returned")
                .isEqualTo(7);

        try (RunStore store = RunStore.embedded(folder)) {
            assertThat(store.get("halted-run"))
                    .hasValueSatisfying(run -> assertThat(run.state()).isEqualTo(RunState.PASSED));
        }
    }

    /** The child: finishes a run in the store, then stops the JVM at once, skipping H2's closing hook. */
    static final class HaltAfterCommit {
        public static void main(String[] args) {
            RunStore store = RunStore.embedded(Path.of(args[0]));
            Run run = Run.accepted(
                            "halted-run",
                            RunStoreContract.push("main", RunStoreContract.sha(3)),
                            "delivery-3",
                            RunStoreContract.T0)
                    .finished(
                            new RunOutcome(RunState.PASSED, RunStoreContract.sha(3), "no problems", List.of(), null),
                            RunStoreContract.T0.plusSeconds(1));
            store.save(run);
            Runtime.getRuntime().halt(7);
        }
    }
}
