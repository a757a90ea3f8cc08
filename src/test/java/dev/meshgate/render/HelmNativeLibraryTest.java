package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helm's native library is unpacked once into a folder and used from there by every later process: a whole copy is
 * kept, a partial one replaced, and nothing but the library is left in the folder. A worker with no cache folder to
 * write to still renders, and leaves nothing behind.
 */
class HelmNativeLibraryTest {

    @TempDir
    Path work;

    private URL library(String content) throws IOException {
        Path file = work.resolve("packaged.so");
        Files.writeString(file, content);
        return file.toUri().toURL();
    }

    @Test
    void theLibraryIsUnpackedOnceAndThenUsedWhereItIs() throws IOException {
        URL packaged = library("native code");
        Path folder = work.resolve("cache/helm-java-1");

        Path first = HelmNativeLibrary.unpacked(folder, "helm.so", packaged);
        Files.setLastModifiedTime(first, FileTime.fromMillis(0));
        Path second = HelmNativeLibrary.unpacked(folder, "helm.so", packaged);

        assertThat(first).isEqualTo(folder.resolve("helm.so")).hasContent("native code");
        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second).toMillis())
                .as("the copy already there is not written again")
                .isZero();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(first);
        }
    }

    @Test
    void aCopyOfAnotherSizeIsReplacedWhole() throws IOException {
        Path folder = work.resolve("cache");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("helm.so"), "native");

        Path unpacked = HelmNativeLibrary.unpacked(folder, "helm.so", library("native code"));

        assertThat(unpacked).hasContent("native code");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).as("no partial copy left beside it").containsExactly(unpacked);
        }
    }

    @Test
    void aNewVersionRemovesTheLibrariesOfOtherVersionsAndNothingElse() throws IOException {
        Path home = work.resolve("meshgate");
        for (String folder : List.of("helm-java-0.0.14", "helm-java-0.0.15", "render")) {
            Files.createDirectories(home.resolve(folder));
            Files.writeString(home.resolve(folder).resolve("file"), folder);
        }
        Files.writeString(home.resolve("helm-java-notes.txt"), "a file, not a version's folder");

        HelmNativeLibrary.removeOtherVersions(home, "helm-java-0.0.15");

        try (Stream<Path> left = Files.list(home)) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("helm-java-0.0.15", "render", "helm-java-notes.txt");
        }
        assertThat(home.resolve("helm-java-0.0.15/file")).hasContent("helm-java-0.0.15");
    }

    @Test
    void aWorkerWithoutAWritableCacheFolderRendersAndLeavesNothingInTheTemporaryFolder()
            throws IOException, InterruptedException {
        Path chart = work.resolve("chart");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        Files.writeString(
                chart.resolve("templates/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n");
        // A cache folder below a file cannot be made, even by root.
        Path notAFolder = work.resolve("cache-is-a-file");
        Files.writeString(notAFolder, "");
        Path temporary = Files.createDirectories(work.resolve("tmp"));
        ProcessBuilder builder = new ProcessBuilder(SelfLauncher.command(
                        List.of("-Xmx200m", "-Djava.io.tmpdir=" + temporary), List.of(SelfLauncher.WORKER)))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("XDG_CACHE_HOME", notAFolder.resolve("cache").toString());
        Process worker = builder.start();
        try (OutputStream requests = worker.getOutputStream()) {
            requests.write(("{\"chart\":\"" + chart + "\",\"release\":\"web\",\"namespace\":\"shop\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
        }

        String answers = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(worker.waitFor()).isZero();
        assertThat(answers)
                .startsWith(WorkerProtocol.READY + "\n" + WorkerProtocol.OK + " ")
                .contains("name: web");
        try (Stream<Path> left = Files.list(temporary)) {
            assertThat(left).as("the worker's own copy is removed once loaded").isEmpty();
        }
    }
}
