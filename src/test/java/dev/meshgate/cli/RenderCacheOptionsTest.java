package dev.meshgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate --cache-dir} keeps renderings between runs and says what it served; {@code --no-cache} does not. */
class RenderCacheOptionsTest {

    private static final String SAMPLE =
            Path.of("config-samples", "rendered", "kustomize-overlays").toString();

    @TempDir
    Path cache;

    private String errors(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        MeshgateCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return err.toString();
    }

    @Test
    void aSecondRunComesFromTheCacheFolderAndNoCacheLeavesItAlone() throws Exception {
        String first = errors("validate", "--cache-dir", cache.toString(), SAMPLE);
        String second = errors("validate", "--cache-dir", cache.toString(), SAMPLE);
        long entries;
        try (Stream<Path> files = Files.walk(cache)) {
            entries = files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".json"))
                    .count();
        }
        String uncached = errors("validate", "--no-cache", "--cache-dir", cache.toString(), SAMPLE);

        assertThat(first).contains("meshgate: render cache: 0 application(s) from the cache, 2 rendered");
        assertThat(second).contains("meshgate: render cache: 2 application(s) from the cache, 0 rendered");
        assertThat(entries).isEqualTo(2);
        assertThat(uncached).doesNotContain("render cache");
    }

    @Test
    void theDefaultFolderIsUnderTheUsersCacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path expected = xdg != null && Path.of(xdg).isAbsolute()
                ? Path.of(xdg, "meshgate", "render")
                : Path.of(System.getProperty("user.home"), ".cache", "meshgate", "render");

        assertThat(UserCacheFolder.find()).isEqualTo(expected);
    }
}
