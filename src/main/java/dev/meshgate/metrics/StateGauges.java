package dev.meshgate.metrics;

import dev.meshgate.forge.ForgeStatusPublisher;
import dev.meshgate.git.MirrorCache;
import dev.meshgate.runs.RunStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Gauges read at each scrape: the queue's depth and the age of its oldest run (from the store, so with a shared store
 * every replica shows the whole queue), the mirrors' size on disk, and the posts waiting in the status outbox (this
 * replica's and the store's). What they read is looked up at the first scrape, not at start: opening the run store
 * (and migrating it) happens on the resume thread beside the rest of the start, and readiness waits for it there.
 */
@Startup
@Singleton
public class StateGauges {

    StateGauges(
            MeterRegistry registry,
            Instance<RunStore> store,
            Instance<MirrorCache> mirrors,
            Instance<ForgeStatusPublisher> publisher) {
        Clock clock = Clock.systemUTC();
        Gauge.builder("meshgate.queued.runs", store, runs -> runs.get()
                        .backlog()
                        .queued())
                .strongReference(true)
                .description("Runs accepted and waiting for a worker")
                .register(registry);
        Gauge.builder("meshgate.queue.oldest.age", store, runs -> runs.get()
                        .backlog()
                        .oldestAcceptedAt()
                        .map(accepted ->
                                Duration.between(accepted, clock.instant()).toMillis() / 1000.0)
                        .orElse(0.0))
                .strongReference(true)
                .description("How long the run waiting longest has waited; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("meshgate.mirror.cache.size", mirrors, cache -> cache.get()
                        .diskUsage())
                .strongReference(true)
                .description("Bytes all repository mirrors take on disk, as measured after the last checkout")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("meshgate.status.outbox.pending", publisher, forges -> forges.get()
                        .outboxState()
                        .waiting())
                .strongReference(true)
                .description("Statuses, comments and check runs this replica holds to post or retry")
                .register(registry);
        Gauge.builder("meshgate.status.outbox.unsettled", store, runs -> runs.get()
                        .unsettledPosts())
                .strongReference(true)
                .description("Statuses, comments and check runs the store holds unposted, for every replica")
                .register(registry);
    }
}
