package dev.meshgate.metrics;

import dev.meshgate.forge.ForgeStatusPublisher;
import dev.meshgate.git.MirrorCache;
import dev.meshgate.runs.RunStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Gauges read at each scrape: the queue's depth and the age of its oldest run (from the store, so with a shared store
 * every replica shows the whole queue), the mirrors' size on disk, and the posts waiting in the status outbox (this
 * replica's and the store's).
 */
@Startup
@Singleton
public class StateGauges {

    StateGauges(MeterRegistry registry, RunStore store, MirrorCache mirrors, ForgeStatusPublisher publisher) {
        Clock clock = Clock.systemUTC();
        Gauge.builder("meshgate.queued.runs", store, runs -> runs.backlog().queued())
                .description("Runs accepted and waiting for a worker")
                .register(registry);
        Gauge.builder("meshgate.queue.oldest.age", store, runs -> runs.backlog()
                        .oldestAcceptedAt()
                        .map(accepted ->
                                Duration.between(accepted, clock.instant()).toMillis() / 1000.0)
                        .orElse(0.0))
                .description("How long the run waiting longest has waited; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("meshgate.mirror.cache.size", mirrors, MirrorCache::diskUsage)
                .description("Bytes all repository mirrors take on disk, as measured after the last checkout")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("meshgate.status.outbox.pending", publisher, forges -> forges.outboxState()
                        .waiting())
                .description("Statuses, comments and check runs this replica holds to post or retry")
                .register(registry);
        Gauge.builder("meshgate.status.outbox.unsettled", store, RunStore::unsettledPosts)
                .description("Statuses, comments and check runs the store holds unposted, for every replica")
                .register(registry);
    }
}
