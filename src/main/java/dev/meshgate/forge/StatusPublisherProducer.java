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
    ForgeStatusPublisher publisher(MeshgateConfig config, PostObserver observer) {
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
                credentials,
                gitHubApp(config.forges().get("github")),
                new RestClients(statuses.timeout()),
                new StatusOutbox(policy, Clock.systemUTC()).observedBy(observer));
    }

    private static java.util.Optional<GitHubApp> gitHubApp(MeshgateConfig.ForgeApi github) {
        if (github == null || github.appId().isEmpty()) {
            return java.util.Optional.empty();
        }
        java.nio.file.Path key = github.privateKeyFile()
                .orElseThrow(() -> new IllegalStateException(
                        "meshgate.forges.github.app-id is set without meshgate.forges.github.private-key-file"));
        return java.util.Optional.of(new GitHubApp(github.appId().get(), key, Clock.systemUTC()));
    }

    void close(@Disposes ForgeStatusPublisher publisher) {
        publisher.close();
    }
}
