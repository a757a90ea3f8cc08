package dev.meshgate.forge;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One REST client per forge API and address, built on first use: self-hosted forges are only known from payloads. */
final class RestClients {

    private record Key(Class<?> api, URI base) {}

    private final Map<Key, Object> clients = new ConcurrentHashMap<>();
    private final Duration timeout;

    RestClients(Duration timeout) {
        this.timeout = timeout;
    }

    <T> T get(Class<T> api, URI base) {
        return api.cast(clients.computeIfAbsent(new Key(api, base), key -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(api)));
    }
}
