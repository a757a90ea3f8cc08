package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A directory source's globs match as Argo CD's do, a path relative to the folder or its file name; the folder
 * globs discovery writes ({@code folder/**}) are matched as prefixes, with the same answers as the glob's.
 */
class DirectoryGlobsTest {

    private static final List<String> PATHS = List.of(
            "apps/gateway.yaml",
            "apps/web/service.yaml",
            "apps",
            "appsx/gateway.yaml",
            "other/apps/gateway.yaml",
            "gateway.yaml",
            "a.b-c_d/x.yaml",
            "a.b-c_d/e/f.yaml",
            "a.b-c_d2/x.yaml");

    private static final List<String> GLOBS = List.of(
            "apps/**", "apps/web/**", "a.b-c_d/**", "**", "*.yaml", "apps/*", "app*/**", "other/**", "apps//**");

    @Test
    void aFolderGlobMatchesExactlyWhatTheGlobMatches() {
        for (String glob : GLOBS) {
            PathMatcher reference = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            for (String path : PATHS) {
                Path relative = Path.of(path);
                assertThat(DirectoryRenderer.matcher(glob).test(relative))
                        .as("%s against %s", glob, path)
                        .isEqualTo(reference.matches(relative) || reference.matches(relative.getFileName()));
            }
        }
    }

    @Test
    void aFolderGlobTakesItsFolderAndEverythingBelowIt() {
        assertThat(DirectoryRenderer.matcher("apps/**").test(Path.of("apps/web/service.yaml")))
                .isTrue();
        assertThat(DirectoryRenderer.matcher("apps/**").test(Path.of("appsx/service.yaml")))
                .isFalse();
        assertThat(DirectoryRenderer.matcher("*.yaml").test(Path.of("apps/web/service.yaml")))
                .as("a glob without a folder matches the file name")
                .isTrue();
    }
}
