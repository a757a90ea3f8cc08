package dev.meshgate.metrics;

import dev.meshgate.intake.DeliveryListener;
import dev.meshgate.intake.DeliveryOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/** {@code meshgate_webhook_deliveries_total{forge, answer}}: every delivery by its forge and what it was answered. */
@Singleton
public class DeliveryMetrics implements DeliveryListener {

    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void answered(String forge, DeliveryOutcome outcome) {
        Counter.builder("meshgate.webhook.deliveries")
                .description("Webhook deliveries by forge and by what they were answered")
                .tag("forge", forge)
                .tag("answer", outcome.label())
                .register(registry)
                .increment();
    }
}
