package dev.meshgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathLaunchTest {

    @TempDir
    Path application;

    @Test
    void theClassPathIsTheApplicationJarThenTheLibrariesInNameOrder() throws Exception {
        Files.createDirectories(application.resolve("app"));
        Files.createDirectories(application.resolve("lib/main"));
        Files.createFile(application.resolve("app/meshgate.jar"));
        Files.createFile(application.resolve("lib/main/zeta.jar"));
        Files.createFile(application.resolve("lib/main/alpha.jar"));
        Files.createFile(application.resolve("lib/main/notes.txt"));

        assertThat(ClassPathLaunch.classPath(application).split(File.pathSeparator))
                .containsExactly(
                        application.resolve("app/meshgate.jar").toString(),
                        application.resolve("lib/main/alpha.jar").toString(),
                        application.resolve("lib/main/zeta.jar").toString());
    }

    @Test
    void aProcessNotStartedFromTheLauncherJarStartsTheCommandLineAsBefore() {
        // The test runner's JVM holds meshgate on its class path, so there is no launcher jar to replace.
        List<String> command = ClassPathLaunch.command(List.of("-Xmx64m"), List.of("validate", "."));

        assertThat(command).doesNotContain("-jar").contains("-Xmx64m", "dev.meshgate.Main");
        assertThat(command.subList(command.size() - 2, command.size())).containsExactly("validate", ".");
    }
}
