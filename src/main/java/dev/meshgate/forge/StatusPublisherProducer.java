package dev.meshgate.forge;

import dev.meshgate.config.MeshgateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/** Wires the status publisher from {@code meshgate.forges.*} and {@code meshgate.statuses.*}. */
@ApplicationScoped
public class StatusPublisherProducer {

    @Produces
    @Singleton
    ForgeStatusPublisher publisher(MeshgateConfig config) {
        Map<String, ForgeCredentials> credentials = new TreeMap<>();
        config.forges().forEach((name, forge) -> {
            if (forge.token().isPresent() && forge.tokenFile().isPresent()) {
                throw new IllegalStateException(
                        "meshgate.forges." + name + " has both a token and a token-file; keep one");
            }
            credentials.put(name, new ForgeCredentials(forge.apiUrl(), forge.token(), forge.tokenFile()));
        });
        MeshgateConfig.Statuses statuses = config.statuses();
        RetryPolicy policy =
                new RetryPolicy(statuses.firstRetry(), statuses.attempts(), statuses.longestRateLimitWait());
        return new ForgeStatusPublisher(
                credentials, new RestClients(statuses.timeout()), new StatusOutbox(policy, Clock.systemUTC()));
    }

    void close(@Disposes ForgeStatusPublisher publisher) {
        publisher.close();
    }
}
