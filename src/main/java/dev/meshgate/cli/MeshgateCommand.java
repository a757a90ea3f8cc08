package dev.meshgate.cli;

import dev.meshgate.bench.BenchCommand;
import dev.meshgate.bench.BenchGitCommand;
import dev.meshgate.bench.BenchHelmCommand;
import dev.meshgate.bench.BenchRenderCommand;
import dev.meshgate.bench.BenchRepoCommand;
import dev.meshgate.bench.BenchWebhooksCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top of the command line: {@code meshgate validate|bench ...}. */
@Command(
        name = "meshgate",
        mixinStandardHelpOptions = true,
        versionProvider = MeshgateCommand.Version.class,
        description = "Validates Istio configuration in GitOps repositories before Argo CD or Flux syncs it.",
        subcommands = {
            ValidateCommand.class,
            BenchCommand.class,
            BenchGitCommand.class,
            BenchWebhooksCommand.class,
            BenchRenderCommand.class,
            BenchRepoCommand.class,
            BenchHelmCommand.class,
            GateCommand.class,
            InventoryCommand.class,
            RenderWorkerCommand.class
        })
public final class MeshgateCommand implements Runnable {

    /** The words that select the command line rather than the service. */
    public static final java.util.Set<String> COMMANDS = java.util.Set.of(
            "validate",
            "gate",
            "inventory",
            "bench",
            "bench-git",
            "bench-webhooks",
            "bench-render",
            "bench-repo",
            "bench-helm",
            "render-worker",
            "help",
            "--help",
            "-h",
            "--version",
            "-V");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "name a command: validate, gate, bench, bench-git or bench-webhooks");
    }

    /** Runs the command line and returns its exit code: 0 passed, 1 failed, 2 usage or I/O error. */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output streams (tests capture them). */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new MeshgateCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("meshgate: " + describe(e));
            return ExitCodes.USAGE_OR_IO;
        });
        return commandLine.execute(args);
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** The version from the jar manifest, when packaged. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = MeshgateCommand.class.getPackage().getImplementationVersion();
            return new String[] {"meshgate " + (version == null ? "development build" : version)};
        }
    }
}
