package dev.meshgate.metrics;

import dev.meshgate.git.MirrorObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/** {@code meshgate_mirror_cache_hits_total} and {@code _misses_total}: checkouts that found their commit, or fetched. */
@Singleton
public class MirrorMetrics implements MirrorObserver {

    private final Counter hits;
    private final Counter misses;

    MirrorMetrics(MeterRegistry registry) {
        this.hits = Counter.builder("meshgate.mirror.cache.hits")
                .description("Checkouts whose commit the mirror already held")
                .register(registry);
        this.misses = Counter.builder("meshgate.mirror.cache.misses")
                .description("Checkouts that had to fetch their commit or clone the repository")
                .register(registry);
    }

    @Override
    public void hit() {
        hits.increment();
    }

    @Override
    public void miss() {
        misses.increment();
    }
}
