package dev.meshgate.golden;

import dev.meshgate.cli.MeshgateCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@code validate} prints and exits with on every sample, in every format, stays what it was. */
class CommandLineGoldenTest {

    static Stream<Arguments> samplesAndFormats() throws Exception {
        return Golden.samples().flatMap(sample -> Stream.of("text", "json", "sarif", "junit")
                .map(format -> Arguments.of(sample, format)));
    }

    @ParameterizedTest(name = "{0} -o {1}")
    @MethodSource("samplesAndFormats")
    void validateOutputIsUnchanged(String sample, String format) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MeshgateCommand.execute(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "validate",
                // A render cache that earlier runs filled would add its line to standard error.
                "--no-cache",
                "-o",
                format,
                Path.of("config-samples", sample).toString());

        Golden.assertMatches(
                "cli/" + sample + "." + format, "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err);
    }
}
