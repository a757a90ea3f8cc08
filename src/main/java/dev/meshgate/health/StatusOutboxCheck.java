package dev.meshgate.health;

import dev.meshgate.config.MeshgateConfig;
import dev.meshgate.forge.ForgeStatusPublisher;
import dev.meshgate.forge.OutboxState;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the status outbox's thread runs and no attempt hangs: one attempt is a token request and a post, each
 * bounded by {@code meshgate.statuses.timeout}, so one that takes four times that (and at least a minute) is stuck.
 */
@Readiness
@Singleton
public class StatusOutboxCheck implements HealthCheck {

    private final ForgeStatusPublisher publisher;
    private final Duration stuckAfter;

    StatusOutboxCheck(ForgeStatusPublisher publisher, MeshgateConfig config) {
        this.publisher = publisher;
        Duration fourTimeouts = config.statuses().timeout().multipliedBy(4);
        this.stuckAfter = fourTimeouts.compareTo(Duration.ofMinutes(1)) > 0 ? fourTimeouts : Duration.ofMinutes(1);
    }

    @Override
    public HealthCheckResponse call() {
        OutboxState state = publisher.outboxState();
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("status outbox").withData("waiting", state.waiting());
        if (!state.running()) {
            return response.down().withData("error", "the outbox has stopped").build();
        }
        if (state.busyFor().filter(busy -> busy.compareTo(stuckAfter) > 0).isPresent()) {
            return response.down()
                    .withData(
                            "error",
                            "one post has taken " + state.busyFor().get().toSeconds() + "s")
                    .build();
        }
        return response.up().build();
    }
}
