package dev.meshgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The top command builds only the subcommand a command line names, yet help and usage errors still know them all. */
class SubcommandsTest {

    private record Outcome(int exit, String out, String err) {}

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MeshgateCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    @Test
    void eachWordIsTheNameItsCommandDeclares() {
        MeshgateCommand.SUBCOMMANDS.forEach((word, type) -> assertThat(new CommandLine(type).getCommandName())
                .as(type.getName())
                .isEqualTo(word));
        assertThat(MeshgateCommand.COMMANDS).containsAll(MeshgateCommand.SUBCOMMANDS.keySet());
    }

    @Test
    void helpListsEveryCommandButTheHiddenOne() {
        Outcome help = run("--help");

        assertThat(help.exit()).isZero();
        MeshgateCommand.SUBCOMMANDS.forEach((word, type) -> {
            boolean hidden =
                    new CommandLine(type).getCommandSpec().usageMessage().hidden();
            assertThat(help.out().contains("  " + word + " ")).as(word).isEqualTo(!hidden);
        });
    }

    @Test
    void aNamedCommandRunsWithItsOwnOptions() {
        Outcome codes = run("validate", "--list-codes");

        assertThat(codes.exit()).isZero();
        assertThat(codes.out()).contains("IST0101");
    }

    @Test
    void anUnknownWordIsAUsageErrorThatNamesTheCommands() {
        Outcome unknown = run("validat");

        assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE_OR_IO);
        assertThat(unknown.err()).contains("validate");
    }
}
