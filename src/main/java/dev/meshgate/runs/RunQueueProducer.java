package dev.meshgate.runs;

import dev.meshgate.cluster.ClusterView;
import dev.meshgate.cluster.InventoryFile;
import dev.meshgate.cluster.LiveCluster;
import dev.meshgate.config.MeshgateConfig;
import dev.meshgate.forge.StatusPublisher;
import dev.meshgate.git.MirrorCache;
import dev.meshgate.render.RenderLimits;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Wires the run queue into the service and, once it is up, resumes the runs a previous stop left unfinished. */
@ApplicationScoped
public class RunQueueProducer {

    private static final Logger LOG = Logger.getLogger(RunQueueProducer.class);

    @Produces
    @Singleton
    RunStore runStore(MeshgateConfig config, StoreLatency latency) {
        MeshgateConfig.Store settings = config.store();
        RunStore store = settings.jdbcUrl().isEmpty()
                ? RunStore.embedded(config.dataDir().resolve("runs"))
                : SharedDatabase.open(new SharedDatabase.Settings(
                        settings.jdbcUrl().get(), settings.username(), settings.password(), settings.passwordFile()));
        store.timedBy(latency);
        return store;
    }

    @Produces
    @Singleton
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
                config.runs().keep(),
                config.store().lease(),
                config.store().poll(),
                config.runs().minFreeDisk().asLongValue());
        RunWorker worker = new RunWorker(
                mirrors, config.dataDir().resolve("work"), config.runs().onlyNewErrorsFail());
        config.verified()
                .branch()
                .ifPresent(branch -> worker.movingVerifiedBranch(
                        new VerifiedBranch(mirrors, branch, config.verified().trackedBranch())));
        clusterView(config.cluster(), kubernetes).ifPresent(worker::lookingUpIn);
        config.validation().crds().ifPresent(worker::checkingStructureAgainst);
        worker.renderingWith(renderLimits(config.render(), config.dataDir().resolve("render-cache")))
                .observedBy(observer);
        return new RunQueue(store, worker, publisher, settings, Clock.systemUTC()).observedBy(observer);
    }

    /**
     * Opens the run store and resumes the runs a previous stop left unfinished once the service is up, on a thread of
     * its own: reading run records is kept off the path to readiness. A delivery that comes meanwhile waits for the
     * queue to be made (the container makes a singleton once).
     */
    void resumeAfterStart(@Observes StartupEvent started, Instance<RunQueue> queue) {
        Thread resume = new Thread(
                () -> {
                    try {
                        queue.get().resume();
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "cannot resume the unfinished runs: %s", e.getMessage());
                    }
                },
                "meshgate-resume");
        resume.setDaemon(true);
        resume.start();
    }

    private static RenderLimits renderLimits(MeshgateConfig.Render render, java.nio.file.Path cacheFolder) {
        RenderLimits configured = RenderLimits.defaults()
                .within(render.timeout(), render.maxOutput().asLongValue())
                .withKustomizeCommand(RenderLimits.command(render.kustomizeCommand()))
                .allowingRemoteBases(render.allowRemoteBases())
                .withHelm(
                        render.helmInProcess() ? RenderLimits.HelmProcess.IN_PROCESS : RenderLimits.HelmProcess.WORKER,
                        render.helmWorkerMemory().asLongValue());
        RenderLimits limits = render.cache().enabled()
                ? configured.cachedIn(cacheFolder, render.cache().maxSize().asLongValue())
                : configured;
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

    /**
     * Stops in order: the workers give their runs back, the publisher waits briefly for posts under way (crossing them
     * off in the store), and only then the store closes; what is still unposted is posted at the next start.
     */
    void close(@Disposes RunQueue queue, RunStore store, StatusPublisher publisher) throws Exception {
        queue.close();
        if (publisher instanceof AutoCloseable closeable) {
            closeable.close();
        }
        store.close();
    }
}
