package dev.meshgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.render.SelfLauncher;
import dev.meshgate.testing.MissingClassRecorder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A command line looks up no class that no jar holds: each such look-up makes the JVM open every jar on the class
 * path, which a start from the class-data archive otherwise never does (picocli's probe for Groovy cost 70 ms).
 */
class CommandLineClassLookupTest {

    @Test
    void versionLooksUpNoMissingClass() throws IOException, InterruptedException {
        assertThat(missingClasses(List.of("--version"))).isEmpty();
    }

    @Test
    void validateOfAFolderLooksUpNoMissingClass() throws IOException, InterruptedException {
        assertThat(missingClasses(List.of("validate", "--no-cache", "config-samples/valid-mesh")))
                .isEmpty();
    }

    private static List<String> missingClasses(List<String> arguments) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(SelfLauncher.command(
                        List.of("-Djava.system.class.loader=" + MissingClassRecorder.class.getName(), "-Xshare:off"),
                        arguments))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(errors).isLessThanOrEqualTo(1);
        return errors.lines()
                .filter(line -> line.startsWith(MissingClassRecorder.MISSING))
                .toList();
    }
}
