package dev.meshgate.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Expected outputs kept as files under {@code src/test/resources/golden/}: a test compares what meshgate prints now
 * with what it printed when the file was written, byte for byte. Run with {@code -Dmeshgate.golden.update=true} to
 * write them anew after a change that means to alter an output, and review the diff.
 */
public final class Golden {

    private static final Path ROOT = Path.of("src/test/resources/golden");

    private Golden() {}

    /** Every sample folder of {@code config-samples/}: valid-mesh, each broken variant, each rendered repository. */
    public static Stream<String> samples() throws IOException {
        Path samples = Path.of("config-samples");
        try (Stream<Path> folders = Stream.concat(
                Stream.of(samples.resolve("valid-mesh")),
                Stream.concat(Files.list(samples.resolve("broken")), Files.list(samples.resolve("rendered"))))) {
            return folders
                    .filter(Files::isDirectory)
                    .map(folder -> samples.relativize(folder).toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    /** Asserts that the text is the golden file's, or writes the file when asked to. */
    public static void assertMatches(String name, String actual) throws IOException {
        Path file = ROOT.resolve(name);
        if (Boolean.getBoolean("meshgate.golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
        }
        assertThat(file)
                .as("golden file %s (write it with -Dmeshgate.golden.update=true)", file)
                .exists();
        assertThat(actual).as("output against %s", file).isEqualTo(Files.readString(file));
    }
}
