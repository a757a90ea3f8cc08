package dev.meshgate.metrics;

import dev.meshgate.runs.StoreLatency;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code meshgate_store_operation_duration_seconds{operation}}: reads, writes and prunes of the run store. */
@Singleton
public class StoreMetrics implements StoreLatency {

    private static final Duration[] BUCKETS = {
        Duration.ofNanos(100_000),
        Duration.ofMillis(1),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1)
    };

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    StoreMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void observed(String operation, Duration took) {
        timers.computeIfAbsent(operation, this::timer).record(took);
    }

    private Timer timer(String operation) {
        return Timer.builder("meshgate.store.operation.duration")
                .description("How long one operation on the run store took")
                .tag("operation", operation)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
