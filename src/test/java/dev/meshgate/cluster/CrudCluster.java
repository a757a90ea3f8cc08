package dev.meshgate.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

/** The fabric8 Kubernetes mock server in CRUD mode, with a client and a kubeconfig that reach it. */
final class CrudCluster implements AutoCloseable {

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    private CrudCluster(KubernetesMockServer server) {
        this.server = server;
        this.client = server.createClient();
    }

    static CrudCluster start() {
        KubernetesMockServer server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(List.of()), false);
        server.init();
        return new CrudCluster(server);
    }

    KubernetesClient client() {
        return client;
    }

    /** Stops the server while its clients stay: a cluster that went away. */
    void stop() {
        server.destroy();
    }

    /** Writes a kubeconfig whose current context is this server, as the command line's {@code --kubeconfig} reads. */
    Path kubeconfig(Path file) throws IOException {
        return Files.writeString(
                file,
                """
                apiVersion: v1
                kind: Config
                clusters: [{name: mock, cluster: {server: "%s"}}]
                contexts: [{name: mock, context: {cluster: mock, user: me}}]
                current-context: mock
                users: [{name: me, user: {token: x}}]
                """
                        .formatted(client.getMasterUrl()));
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
