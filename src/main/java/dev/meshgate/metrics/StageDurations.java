package dev.meshgate.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code meshgate_stage_duration_seconds{stage}}: one histogram per stage of a run, with buckets from 10ms to 10m. */
@Singleton
public class StageDurations {

    /** The stages measured, as the {@code stage} label shows them. */
    public enum Stage {
        CHECKOUT,
        RENDER,
        ANALYSIS,
        POST;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(10),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1),
        Duration.ofMinutes(2),
        Duration.ofMinutes(5),
        Duration.ofMinutes(10)
    };

    private final Map<Stage, Timer> timers = new ConcurrentHashMap<>();

    StageDurations(MeterRegistry registry) {
        for (Stage stage : Stage.values()) {
            timers.put(
                    stage,
                    Timer.builder("meshgate.stage.duration")
                            .description("How long one stage of a run took: checkout, render, analysis, or one post")
                            .tag("stage", stage.label())
                            .serviceLevelObjectives(BUCKETS)
                            .register(registry));
        }
    }

    void record(Stage stage, Duration took) {
        timers.get(stage).record(took);
    }
}
