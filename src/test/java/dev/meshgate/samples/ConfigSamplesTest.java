package dev.meshgate.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshgate.analysis.Finding;
import dev.meshgate.analysis.policy.ConfigFile;
import dev.meshgate.report.Report;
import dev.meshgate.validation.ManifestValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The samples in config-samples/: the valid mesh has no finding at all, and each broken variant has exactly the
 * findings its expected.txt lists ("CODE Kind namespace/name file:line", every code compared), with the variant's
 * .meshgate.yaml applied as the command line would.
 */
class ConfigSamplesTest {

    private static final Path SAMPLES = Path.of("config-samples");

    @Test
    void validMeshHasNoFindings() throws IOException {
        Report report = new ManifestValidation().run(List.of(SAMPLES.resolve("valid-mesh")));

        assertThat(report.findings()).extracting(ConfigSamplesTest::line).isEmpty();
        assertThat(report.summary().resources()).isGreaterThan(15);
    }

    static Stream<Path> brokenVariants() throws IOException {
        try (Stream<Path> folders = Files.list(SAMPLES.resolve("broken"))) {
            return folders.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenVariants")
    void brokenVariantHasExactlyItsExpectedFindings(Path variant) throws Exception {
        List<String> expected = Files.readAllLines(variant.resolve("expected.txt")).stream()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();

        Path config = variant.resolve(ConfigFile.DEFAULT_NAME);
        ManifestValidation validation = new ManifestValidation();
        if (Files.exists(config)) {
            validation.config(ConfigFile.read(config));
        }
        Report report = validation.run(List.of(variant));

        assertThat(expected).as("a broken sample expects findings").isNotEmpty();
        assertThat(report.findings())
                .extracting(ConfigSamplesTest::line)
                .as(variant.toString())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.summary().passed()).isFalse();
    }

    private static String line(Finding finding) {
        String resource = finding.resource() == null ? "-" : finding.resource().toString();
        return finding.code() + " " + resource + " " + finding.origin().file() + ":"
                + finding.origin().line();
    }
}
