package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A render worker maps the class-data archive its parent was started with, and whatever the archive (whole, damaged,
 * missing, made for other classes) the worker's standard output carries its protocol and nothing else.
 */
class SelfLauncherTest {

    @TempDir
    Path folder;

    @Test
    void aWorkerMapsTheArchiveItsParentWasStartedWithWithItsMessagesOff() {
        assertThat(SelfLauncher.sharedArchive(
                        List.of("-Xmx1g", "-XX:SharedArchiveFile=/opt/meshgate/validate.jsa", "-cp", "app.jar")))
                .containsExactly(
                        "-XX:SharedArchiveFile=/opt/meshgate/validate.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        assertThat(SelfLauncher.sharedArchive(List.of("-XX:ArchiveClassesAtExit=/opt/meshgate/cli.jsa", "-jar", "x")))
                .as("an archive its parent is still recording is not there yet")
                .containsExactly("-Xshare:auto");
        assertThat(SelfLauncher.sharedArchive(List.of())).containsExactly("-Xshare:auto");
    }

    @Test
    void aWorkerGivenADamagedArchiveStillAnswersOnlyInItsProtocol() throws IOException, InterruptedException {
        Path damaged = folder.resolve("damaged.jsa");
        Files.writeString(damaged, "not an archive");
        List<String> options = new ArrayList<>(List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        options.addAll(SelfLauncher.sharedArchive(List.of("-XX:SharedArchiveFile=" + damaged)));
        Process worker = new ProcessBuilder(SelfLauncher.command(options, List.of(SelfLauncher.WORKER)))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        worker.getOutputStream().close();

        String output = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(worker.waitFor()).isZero();
        assertThat(output).isEqualTo(WorkerProtocol.READY + "\n");
    }
}
