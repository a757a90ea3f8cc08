package dev.meshgate.cli;

import dev.meshgate.analysis.policy.ConfigFile;
import dev.meshgate.analysis.policy.FailOn;
import dev.meshgate.analysis.policy.IstioctlSuppression;
import dev.meshgate.cluster.InventoryFile;
import dev.meshgate.render.RenderLimits;
import dev.meshgate.report.Formatter;
import dev.meshgate.validation.RepositoryValidation;
import dev.meshgate.validation.ValidationOptions;
import dev.meshgate.validation.ValidationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code meshgate validate PATH...}: validates manifests and exits 0 (passed), 1 (failed) or 2 (usage, I/O). */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Validates the Istio manifests (YAML or JSON, recursively) under each PATH.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing at or above the --fail-on level",
            "1:findings at or above the --fail-on level",
            "2:usage error, unreadable path or invalid config file"
        })
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to validate.")
    List<Path> paths = List.of();

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text, json, sarif or junit (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            defaultValue = "error",
            description = "error, warning or never (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(
            names = {"-n", "--namespace"},
            paramLabel = "NS",
            description = "Namespace of resources that name none (default: default, or the config file's).")
    String namespace;

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "Config file (default: .meshgate.yaml in the first PATH, when present).")
    Path config;

    @Option(
            names = "--suppress",
            paramLabel = "CODE=KIND NAME.NS",
            description =
                    "Suppress a code on resources, in istioctl's syntax, e.g. \"IST0101=VirtualService *.legacy\"."
                            + " Repeatable.")
    List<String> suppress = List.of();

    @Option(names = "--list-codes", description = "Print the catalog of finding codes and exit.")
    boolean listCodes;

    @Option(
            names = "--crds",
            paramLabel = "PATH",
            description =
                    "Files or folders of CustomResourceDefinition YAML (e.g. `helm template istio/base`): structure"
                            + " is checked against them for the kinds neither the input nor the cluster defines. Repeatable.")
    List<Path> crds = List.of();

    @Option(
            names = "--inventory",
            paramLabel = "FILE",
            description = "An inventory from `meshgate inventory`: references the repository leaves open are looked up"
                    + " in it, as in the cluster.")
    Path inventory;

    @Option(
            names = "--kustomize-command",
            paramLabel = "COMMAND",
            defaultValue = "kubectl kustomize",
            description = "How to run kustomize, before the folder (default: ${DEFAULT-VALUE}; or: kustomize build).")
    String kustomizeCommand;

    @Option(
            names = "--helm-command",
            paramLabel = "COMMAND",
            description = "Render charts with this helm binary instead of Helm as a library.")
    String helmCommand;

    @Option(
            names = "--allow-remote-bases",
            description = "Let kustomizations pull remote bases from the network (refused by default).")
    boolean allowRemoteBases;

    @Option(
            names = "--cache-dir",
            paramLabel = "DIR",
            description = "Where rendered applications are kept between runs (default: $XDG_CACHE_HOME/meshgate, else"
                    + " ~/.cache/meshgate).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Render every application, reading and writing no render cache.")
    boolean noCache;

    @Option(
            names = "--plain",
            description =
                    "Read the paths as plain YAML instead of rendering the Argo CD / Flux applications, kustomizations"
                            + " and charts found in a folder.")
    boolean plain;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Formatter formatter = formatter();
        FailOn level = failLevel();
        if (listCodes) {
            new CodeCatalogPrinter().print(output, out);
            out.flush();
            return ExitCodes.PASSED;
        }
        if (paths.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'PATH'");
        }
        ValidationResult result;
        try {
            result = RepositoryValidation.validate(paths, options(level));
        } catch (ConfigFile.InvalidConfigException e) {
            err.println("meshgate: invalid config file " + e.getMessage());
            return ExitCodes.USAGE_OR_IO;
        }
        if (result.clusterUnavailable().isPresent()) {
            err.println("meshgate: " + result.clusterUnavailable().get());
            return ExitCodes.USAGE_OR_IO;
        }
        if (result.renderedApplications()) {
            err.println("meshgate: " + result.applications().size() + " application"
                    + (result.applications().size() == 1 ? "" : "s") + " found:");
            result.applications().forEach(application -> err.println("  " + application.describe()));
        }
        result.coverage().forEach(line -> err.println("meshgate: " + line));
        result.renderCacheLine().ifPresent(line -> err.println("meshgate: " + line));
        err.flush();
        formatter.write(result.report(), out);
        out.flush();
        return result.report().summary().passed() ? ExitCodes.PASSED : ExitCodes.FAILED;
    }

    /** The flags as validation options. */
    private ValidationOptions options(FailOn level) {
        RenderLimits limits = RenderLimits.defaults()
                .withKustomizeCommand(RenderLimits.command(kustomizeCommand))
                .allowingRemoteBases(allowRemoteBases);
        if (helmCommand != null) {
            limits = limits.withHelmCommand(RenderLimits.command(helmCommand));
        }
        if (!noCache) {
            limits = limits.cachedIn(cacheDir != null ? cacheDir : UserCacheFolder.find(), UserCacheFolder.MAX_BYTES);
        }
        ValidationOptions options = ValidationOptions.defaults()
                .failingOn(level)
                .renderingWith(limits)
                .reading(plain ? ValidationOptions.Input.PLAIN : ValidationOptions.Input.RENDERED);
        for (String text : suppress) {
            try {
                options = options.suppressing(IstioctlSuppression.parse(text));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (config != null) {
            options = options.withConfigFile(config);
        }
        if (namespace != null) {
            options = options.withNamespace(namespace);
        }
        options = options.withCrds(crds);
        return inventory == null ? options : options.lookingUpIn(new InventoryFile(inventory));
    }

    private Formatter formatter() {
        try {
            return Formatter.named(output);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private FailOn failLevel() {
        try {
            return FailOn.valueOf(failOn.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "unknown --fail-on level '" + failOn + "' (expected error, warning or never)");
        }
    }
}
