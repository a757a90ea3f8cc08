package dev.meshgate.cluster;

import dev.meshgate.manifest.Resource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The live cluster through the Kubernetes API, read-only, cached briefly so that a burst of runs reads it once. */
public final class LiveCluster implements ClusterView {

    private final KubernetesClient client;
    private final List<String> secretNamespaces;
    private final Duration cacheFor;
    private final Clock clock;
    private List<Resource> cached;
    private Instant readAt = Instant.MIN;

    /** @param secretNamespaces where gateways' TLS Secrets live: only there are Secrets listed */
    public LiveCluster(KubernetesClient client, List<String> secretNamespaces, Duration cacheFor, Clock clock) {
        this.client = client;
        this.secretNamespaces = List.copyOf(secretNamespaces);
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    public synchronized List<Resource> resources() throws ClusterUnavailableException {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(readAt.plus(cacheFor))) {
            return cached;
        }
        try {
            cached = List.copyOf(ClusterResources.read(client, secretNamespaces, "cluster"));
            readAt = now;
            return cached;
        } catch (KubernetesClientException e) {
            throw new ClusterUnavailableException(describe() + " could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "the cluster at " + client.getMasterUrl();
    }

    /** Every resource the look-ups read, for exporting an inventory. */
    public static List<Resource> export(KubernetesClient client, List<String> secretNamespaces) {
        return ClusterResources.read(client, secretNamespaces, "cluster");
    }
}
