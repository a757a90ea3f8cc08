package dev.meshgate.cli;

import dev.meshgate.bench.BenchCommand;
import dev.meshgate.bench.BenchGitCommand;
import dev.meshgate.bench.BenchHelmCommand;
import dev.meshgate.bench.BenchRenderCommand;
import dev.meshgate.bench.BenchRepoCommand;
import dev.meshgate.bench.BenchWebhooksCommand;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top of the command line: {@code meshgate validate|bench ...}. */
@Command(
        name = "meshgate",
        mixinStandardHelpOptions = true,
        versionProvider = MeshgateCommand.Version.class,
        description = "Validates Istio configuration in GitOps repositories before Argo CD or Flux syncs it.")
public final class MeshgateCommand implements Runnable {

    /**
     * Each subcommand's word and class, in the order the help lists them. Picocli builds a command's model by
     * reflection on its class and options, and makes an instance of it (loading what its fields and initialisers
     * name), so a command line that names one builds that one alone; help and unknown words get all of them.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    /** The words that select the command line rather than the service. */
    public static final Set<String> COMMANDS = commandWords();

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
        // Picocli's factory otherwise looks for Groovy's closure class, which no jar holds: the JVM opens every jar on
        // the class path to be sure, 70 ms of a start from the class-data archive, where nothing else opens them.
        System.setProperty("picocli.disable.closures", "true");
        CommandLine commandLine = new CommandLine(new MeshgateCommand());
        Class<?> named = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        if (named != null) {
            commandLine.addSubcommand(args[0], named);
        } else {
            SUBCOMMANDS.forEach(commandLine::addSubcommand);
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("meshgate: " + describe(e));
            return ExitCodes.USAGE_OR_IO;
        });
        return commandLine.execute(args);
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("validate", ValidateCommand.class);
        commands.put("bench", BenchCommand.class);
        commands.put("bench-git", BenchGitCommand.class);
        commands.put("bench-webhooks", BenchWebhooksCommand.class);
        commands.put("bench-render", BenchRenderCommand.class);
        commands.put("bench-repo", BenchRepoCommand.class);
        commands.put("bench-helm", BenchHelmCommand.class);
        commands.put("gate", GateCommand.class);
        commands.put("inventory", InventoryCommand.class);
        commands.put("render-worker", RenderWorkerCommand.class);
        return Collections.unmodifiableMap(commands);
    }

    private static Set<String> commandWords() {
        Set<String> words = new LinkedHashSet<>(SUBCOMMANDS.keySet());
        words.addAll(List.of("help", "--help", "-h", "--version", "-V"));
        return Collections.unmodifiableSet(words);
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
