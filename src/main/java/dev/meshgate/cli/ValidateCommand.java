package dev.meshgate.cli;

import dev.meshgate.analysis.policy.ConfigFile;
import dev.meshgate.analysis.policy.FailOn;
import dev.meshgate.analysis.policy.FindingPolicy;
import dev.meshgate.analysis.policy.IstioctlSuppression;
import dev.meshgate.analysis.policy.Suppression;
import dev.meshgate.cluster.ClusterUnavailableException;
import dev.meshgate.cluster.InventoryFile;
import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Resource;
import dev.meshgate.render.RenderLimits;
import dev.meshgate.render.RenderedApplication;
import dev.meshgate.render.Rendering;
import dev.meshgate.render.Source;
import dev.meshgate.render.SourceType;
import dev.meshgate.report.Formatter;
import dev.meshgate.report.Report;
import dev.meshgate.report.Validation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        ConfigFile.Config loaded;
        try {
            loaded = configFile() == null ? ConfigFile.Config.defaults() : ConfigFile.read(configFile());
        } catch (ConfigFile.InvalidConfigException e) {
            spec.commandLine().getErr().println("meshgate: invalid config file " + e.getMessage());
            return ExitCodes.USAGE_OR_IO;
        }
        Validation validation =
                new Validation().config(withCommandLineSuppressions(loaded)).failOn(level);
        if (namespace != null) {
            validation.settings(validation.settings().withDefaultNamespace(namespace));
        }
        Report report;
        try {
            report = plain || paths.size() != 1 || !Files.isDirectory(paths.get(0))
                    ? validation.reportApplications(plainFiles(paths, validation), outside())
                    : rendered(validation, paths.get(0), loaded.applications());
        } catch (ClusterUnavailableException e) {
            spec.commandLine().getErr().println("meshgate: " + e.getMessage());
            return ExitCodes.USAGE_OR_IO;
        }
        formatter.write(report, out);
        out.flush();
        return report.summary().passed() ? ExitCodes.PASSED : ExitCodes.FAILED;
    }

    /** The paths as they are, one application. */
    private static List<RenderedApplication> plainFiles(List<Path> paths, Validation validation)
            throws java.io.IOException {
        LoadResult loaded =
                new ManifestLoader(LoadLimits.defaults(), validation.settings().defaultNamespace()).load(paths);
        return List.of(new RenderedApplication(Source.of(SourceType.DIRECTORY, ""), loaded));
    }

    private List<Resource> outside() throws ClusterUnavailableException {
        return inventory == null ? List.of() : new InventoryFile(inventory).resources();
    }

    /** Renders what Argo CD or Flux would apply from the folder, says which applications it found, and validates them. */
    private Report rendered(Validation validation, Path folder, List<String> configured)
            throws java.io.IOException, ClusterUnavailableException {
        RenderLimits limits = RenderLimits.defaults()
                .withKustomizeCommand(RenderLimits.command(kustomizeCommand))
                .allowingRemoteBases(allowRemoteBases);
        if (helmCommand != null) {
            limits = limits.withHelmCommand(RenderLimits.command(helmCommand));
        }
        List<RenderedApplication> applications = new Rendering(limits, LoadLimits.defaults())
                .renderAll(folder, Optional.empty(), validation.settings().defaultNamespace(), configured);
        boolean onlyPlainFiles = applications.size() == 1
                && applications.get(0).source().type() == SourceType.DIRECTORY
                && applications.get(0).source().declaredBy() == null;
        if (!onlyPlainFiles) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("meshgate: " + applications.size() + " application" + (applications.size() == 1 ? "" : "s")
                    + " found:");
            applications.forEach(application -> err.println("  " + Rendering.describe(application.source())));
            err.flush();
        }
        return validation.reportApplications(applications, outside());
    }

    private ConfigFile.Config withCommandLineSuppressions(ConfigFile.Config config) {
        List<Suppression> all = new ArrayList<>(config.policy().suppressions());
        for (String text : suppress) {
            try {
                all.add(IstioctlSuppression.parse(text));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        return new ConfigFile.Config(
                config.settings(), new FindingPolicy(config.policy().severities(), all));
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

    private Path configFile() {
        if (config != null) {
            return config;
        }
        Path first = paths.get(0);
        Path candidate = first.resolve(ConfigFile.DEFAULT_NAME);
        return Files.isDirectory(first) && Files.isRegularFile(candidate) ? candidate : null;
    }
}
