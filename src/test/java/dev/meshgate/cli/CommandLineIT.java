package dev.meshgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged application as users do ({@code java -jar target/quarkus-app/quarkus-run.jar validate ...}) and
 * checks exit codes, output and that the HTTP server is never started.
 */
class CommandLineIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    record Result(int exit, String out, String err, long millis) {}

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("meshgate-out", ".txt");
        Path err = Files.createTempFile("meshgate-err", ".txt");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8),
                millis);
    }

    @Test
    void validSamplePassesWithoutStartingTheServer() throws Exception {
        Result result = run("validate", "config-samples/valid-mesh");

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("PASSED");
        assertThat(result.out() + result.err()).doesNotContain("Listening on").doesNotContain("Quarkus");
        // Speed is a benchmark matter; this only reports the figure.
        System.out.println("validate config-samples/valid-mesh took " + result.millis() + " ms (JVM start included)");
    }

    @Test
    void theCheckoutBenchmarkPrintsItsFiguresAgainstGit() throws Exception {
        Result result = run("bench-git", "--files", "40", "--commits", "4", "--runs", "1");

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(result.out())
                .contains("40 files, 4 commits")
                .containsPattern("first checkout \\(clone \\+ export\\) +[0-9.]+ +[0-9.]+ +[0-9.]+x")
                .containsPattern("next commit \\(fetch \\+ export\\) +[0-9.]+ +[0-9.]+ +[0-9.]+x");
    }

    @Test
    void brokenInputExitsOneAndMissingPathsExitTwo() throws Exception {
        Result broken = run("validate", "-o", "json", "src/test/resources/rules/virtualservice-subset-not-found");
        Result missing = run("validate", "does/not/exist");

        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("\"code\" : \"IST0101\"");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file or directory: does/not/exist");
    }

    /**
     * The wrapper's class-data archive starts from what its first validate loads and is dumped again after a run that
     * loaded a hundred classes more (here: rendering a kustomization after printing the codes); a run whose classes
     * are all archived leaves it as it is, and the list it was dumped from only grows.
     */
    @Test
    void theWrappersArchiveGrowsWithTheClassesALargerRunLoads() throws Exception {
        Path archive = Path.of("target/quarkus-app/meshgate-validate.jsa");
        Path kept = Path.of("target/quarkus-app/meshgate-validate.jsa.classes");
        Files.deleteIfExists(archive);
        Files.deleteIfExists(kept);

        Result codes = wrapper("validate", "--list-codes");
        List<String> first = Files.readAllLines(kept);
        Result rendered = wrapper("validate", "--no-cache", "-o", "json", "config-samples/rendered/kustomize-overlays");
        List<String> grown = Files.readAllLines(kept);
        java.nio.file.attribute.FileTime dumped = Files.getLastModifiedTime(archive);
        Result codesAgain = wrapper("validate", "--list-codes");
        java.nio.file.attribute.FileTime afterCodes = Files.getLastModifiedTime(archive);
        Result renderedAgain =
                wrapper("validate", "--no-cache", "-o", "json", "config-samples/rendered/kustomize-overlays");

        assertThat(codes.exit()).as(codes.err()).isZero();
        assertThat(rendered.exit()).as(rendered.err()).isIn(0, 1);
        assertThat(grown)
                .as("classes after rendering, against %d after printing the codes", first.size())
                .hasSizeGreaterThanOrEqualTo(first.size() + 100)
                .containsAll(first);
        assertThat(afterCodes).as("a run with nothing new to archive").isEqualTo(dumped);
        assertThat(codesAgain.out()).isEqualTo(codes.out());
        assertThat(renderedAgain.out()).isEqualTo(rendered.out());
        assertThat(Files.readAllLines(kept)).containsAll(grown);
        try (var left = Files.list(archive.getParent())) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .as("no file of a run is left beside the archive")
                    .noneMatch(name -> name.matches("meshgate-validate\\.jsa\\..*[0-9].*"));
        }
    }

    private static Result wrapper(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", "meshgate"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("meshgate-out", ".txt");
        Path err = Files.createTempFile("meshgate-err", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8),
                0);
    }

    @Test
    void wrapperScriptRunsTheSameCommandLine() throws Exception {
        Process process = new ProcessBuilder("sh", "meshgate", "validate", "--list-codes")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("IST0101");
    }
}
