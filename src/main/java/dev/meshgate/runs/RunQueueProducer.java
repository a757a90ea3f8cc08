package dev.meshgate.runs;

import dev.meshgate.config.MeshgateConfig;
import dev.meshgate.forge.StatusPublisher;
import dev.meshgate.git.MirrorCache;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the run queue into the service and resumes the runs a previous stop left unfinished. */
@ApplicationScoped
public class RunQueueProducer {

    @Produces
    @Singleton
    RunStore runStore(MeshgateConfig config) {
        return new RunStore(config.dataDir().resolve("runs"));
    }

    @Produces
    @Singleton
    @Startup
    RunQueue runQueue(MeshgateConfig config, RunStore store, MirrorCache mirrors, StatusPublisher publisher) {
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
        RunQueue queue = new RunQueue(store, worker, publisher, settings, Clock.systemUTC());
        queue.resume();
        return queue;
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
