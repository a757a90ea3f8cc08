package dev.meshgate.health;

import dev.meshgate.runs.RunStore;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the run store answers a read: report pages, the gate and new deliveries all need it. */
@Readiness
@Singleton
public class RunStoreCheck implements HealthCheck {

    private final RunStore store;

    RunStoreCheck(RunStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            store.check();
            return HealthCheckResponse.up("run store");
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("run store")
                    .down()
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
