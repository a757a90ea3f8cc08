package dev.meshgate.intake;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The webhook secret of the service under test, so that tests can sign deliveries as a forge would. */
public class WebhookTestSecret implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "test-webhook-secret";

    @Override
    public Map<String, String> start() {
        return Map.of("meshgate.webhooks.secret", SECRET);
    }

    @Override
    public void stop() {}
}
