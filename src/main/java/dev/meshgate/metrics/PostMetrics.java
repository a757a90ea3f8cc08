package dev.meshgate.metrics;

import dev.meshgate.forge.PostObserver;
import dev.meshgate.forge.PostResult;
import dev.meshgate.metrics.StageDurations.Stage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * {@code meshgate_status_posts_total{forge, result}}: every attempt to post a status, comment or check run, retries
 * and rate-limit waits included; each attempt's time is the {@code post} stage.
 */
@Singleton
public class PostMetrics implements PostObserver {

    private final MeterRegistry registry;
    private final StageDurations stages;

    PostMetrics(MeterRegistry registry, StageDurations stages) {
        this.registry = registry;
        this.stages = stages;
    }

    @Override
    public void attempted(String forge, PostResult result, Duration took) {
        Counter.builder("meshgate.status.posts")
                .description("Attempts to post to a forge, by forge and result")
                .tag("forge", forge)
                .tag("result", result.label())
                .register(registry)
                .increment();
        stages.record(Stage.POST, took);
    }
}
