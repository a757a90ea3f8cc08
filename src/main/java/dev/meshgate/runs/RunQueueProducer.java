package dev.meshgate.runs;

import dev.meshgate.cluster.ClusterView;
import dev.meshgate.cluster.InventoryFile;
import dev.meshgate.cluster.LiveCluster;
import dev.meshgate.config.MeshgateConfig;
import dev.meshgate.forge.StatusPublisher;
import dev.meshgate.git.MirrorCache;
import dev.meshgate.render.RenderLimits;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the run queue into the service and resumes the runs a previous stop left unfinished. */
@ApplicationScoped
public class RunQueueProducer {

    @Produces
    @Singleton
    RunStore runStore(MeshgateConfig config, StoreLatency latency) {
        RunStore store = new RunStore(config.dataDir().resolve("runs"));
        store.timedBy(latency);
        return store;
    }

    @Produces
    @Singleton
    @Startup
    RunQueue runQueue(
            MeshgateConfig config,
            RunStore store,
            MirrorCache mirrors,
            StatusPublisher publisher,
            Instance<KubernetesClient> kubernetes,
            RunObserver observer) {
        RunSettings settings = new RunSettings(
                config.dataDir(),
                config.runs().workers(),
                config.runs().queueCapacity(),
                config.publicUrl(),
                config.runs().statusContext(),
                config.runs().keep());
        RunWorker worker = new RunWorker(
                mirrors, config.dataDir().resolve("work"), config.runs().onlyNewErrorsFail());
        config.verified()
                .branch()
                .ifPresent(branch -> worker.movingVerifiedBranch(
                        new VerifiedBranch(mirrors, branch, config.verified().trackedBranch())));
        clusterView(config.cluster(), kubernetes).ifPresent(worker::lookingUpIn);
        worker.renderingWith(renderLimits(config.render())).observedBy(observer);
        RunQueue queue = new RunQueue(store, worker, publisher, settings, Clock.systemUTC()).observedBy(observer);
        queue.resume();
        return queue;
    }

    private static RenderLimits renderLimits(MeshgateConfig.Render render) {
        RenderLimits limits = RenderLimits.defaults()
                .within(render.timeout(), render.maxOutput().asLongValue())
                .withKustomizeCommand(RenderLimits.command(render.kustomizeCommand()))
                .allowingRemoteBases(render.allowRemoteBases());
        return render.helmCommand()
                .map(line -> limits.withHelmCommand(RenderLimits.command(line)))
                .orElse(limits);
    }

    /** The inventory when one is set, else the live cluster when enabled; the client is only made when needed. */
    private static java.util.Optional<ClusterView> clusterView(
            MeshgateConfig.Cluster cluster, Instance<KubernetesClient> kubernetes) {
        if (cluster.inventory().isPresent()) {
            return java.util.Optional.of(new InventoryFile(cluster.inventory().get()));
        }
        if (cluster.enabled()) {
            return java.util.Optional.of(
                    new LiveCluster(kubernetes.get(), cluster.secretNamespaces(), cluster.cache(), Clock.systemUTC()));
        }
        return java.util.Optional.empty();
    }

    @Produces
    @Singleton
    ReportLinks links(MeshgateConfig config) {
        return new ReportLinks(config.publicUrl());
    }

    void close(@Disposes RunQueue queue) {
        queue.close();
    }
}
