package dev.meshgate.metrics;

import dev.meshgate.metrics.StageDurations.Stage;
import dev.meshgate.runs.RunObserver;
import dev.meshgate.runs.RunState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code meshgate_runs_total{outcome}}, {@code meshgate_render_failures_total} and the checkout, render and analysis
 * stages. Every outcome starts at zero, so that an alert on a rate sees a flat line rather than no series.
 */
@Singleton
public class RunMetrics implements RunObserver {

    private final Map<RunState, Counter> outcomes = new EnumMap<>(RunState.class);
    private final Counter renderFailures;
    private final StageDurations stages;

    RunMetrics(MeterRegistry registry, StageDurations stages) {
        this.stages = stages;
        for (RunState state : RunState.values()) {
            if (state.isFinal()) {
                outcomes.put(
                        state,
                        Counter.builder("meshgate.runs")
                                .description("Runs that reached a final state, by outcome")
                                .tag("outcome", state.name().toLowerCase(Locale.ROOT))
                                .register(registry));
            }
        }
        this.renderFailures = Counter.builder("meshgate.render.failures")
                .description("Applications Kustomize or Helm could not render (MG0007)")
                .register(registry);
    }

    @Override
    public void finished(RunState state) {
        Counter counter = outcomes.get(state);
        if (counter != null) {
            counter.increment();
        }
    }

    @Override
    public void checkedOut(Duration took) {
        stages.record(Stage.CHECKOUT, took);
    }

    @Override
    public void rendered(Duration took, int failedApplications) {
        stages.record(Stage.RENDER, took);
        renderFailures.increment(failedApplications);
    }

    @Override
    public void analysed(Duration took) {
        stages.record(Stage.ANALYSIS, took);
    }
}
