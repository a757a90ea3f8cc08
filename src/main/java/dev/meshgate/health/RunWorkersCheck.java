package dev.meshgate.health;

import dev.meshgate.runs.RunQueue;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the run workers take runs: a replica whose workers stopped would accept deliveries it never runs. */
@Readiness
@Singleton
public class RunWorkersCheck implements HealthCheck {

    private final RunQueue queue;

    RunWorkersCheck(RunQueue queue) {
        this.queue = queue;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("run workers")
                .status(queue.isWorking())
                .build();
    }
}
