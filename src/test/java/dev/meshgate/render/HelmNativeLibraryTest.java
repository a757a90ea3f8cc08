package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helm's native library is unpacked once into a folder and used from there by every later process: a whole copy is
 * kept, a partial one replaced, and nothing but the library is left in the folder.
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
}
