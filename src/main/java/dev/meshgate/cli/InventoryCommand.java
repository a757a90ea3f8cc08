package dev.meshgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshgate.cluster.LiveCluster;
import dev.meshgate.manifest.Resource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshgate inventory}: exports once, with a kubeconfig, what the cluster look-ups read (Services, namespaces,
 * workload labels, gateway Secret names, Istio routing objects, the CRDs of the {@code *.istio.io} and
 * {@code gateway.networking.k8s.io} groups), without Secret data, for a gate that is given the
 * file instead of cluster credentials ({@code meshgate.cluster.inventory}, {@code validate --inventory}).
 */
@Command(
        name = "inventory",
        mixinStandardHelpOptions = true,
        description = "Exports what references may point at in a cluster to a YAML inventory file.")
public final class InventoryCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--kubeconfig", description = "A kubeconfig file; by default $KUBECONFIG or ~/.kube/config.")
    Path kubeconfig;

    @Option(
            names = {"-o", "--output"},
            description = "The file to write; by default standard output.")
    Path output;

    @Option(
            names = "--secret-namespaces",
            split = ",",
            defaultValue = "istio-system",
            description = "Namespaces whose Secret names (never data) are listed (default: ${DEFAULT-VALUE}).")
    List<String> secretNamespaces;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Resource> resources;
        Config config =
                kubeconfig == null ? Config.autoConfigure(null) : Config.fromKubeconfig(Files.readString(kubeconfig));
        try (KubernetesClient client =
                new KubernetesClientBuilder().withConfig(config).build()) {
            resources = LiveCluster.export(client, secretNamespaces);
        } catch (KubernetesClientException e) {
            spec.commandLine().getErr().println("meshgate inventory: the cluster could not be read: " + e.getMessage());
            return ExitCodes.USAGE_OR_IO;
        }
        StringWriter yaml = new StringWriter();
        write(resources, yaml);
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(yaml);
            out.flush();
        } else {
            Files.writeString(output, yaml.toString());
            spec.commandLine()
                    .getErr()
                    .printf("meshgate inventory: %d objects written to %s%n", resources.size(), output);
        }
        return ExitCodes.PASSED;
    }

    private static void write(List<Resource> resources, Writer out) throws IOException {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Yaml yaml = new Yaml(options);
        out.write("# meshgate inventory: what references may point at outside the repository. No Secret data.\n");
        for (Resource resource : resources) {
            out.write("---\n");
            @SuppressWarnings("unchecked")
            Map<String, Object> document = JSON.convertValue(resource.body(), Map.class);
            yaml.dump(document, out);
        }
    }
}
