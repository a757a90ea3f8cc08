package dev.meshgate.render;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How rendering runs and what it may take.
 *
 * @param timeout the longest one application may take to render
 * @param maxOutputBytes the largest rendered output of one application
 * @param kustomizeCommand the kustomize command line before the folder: {@code kubectl kustomize} or {@code kustomize build}
 * @param allowRemoteBases whether kustomizations may pull bases from the network (off: a gate must not fetch from the
 *     internet)
 * @param helmCommand a {@code helm} binary to render charts with; empty for Helm as a library (helm-java), which a
 *     native image cannot load, so native builds default to the binary
 * @param helm where Helm as a library runs: in render workers (killed at the deadline) or in meshgate's own process
 * @param helmWorkerMemoryBytes a render worker's Java heap, and the soft limit of the Go runtime inside it
 * @param cache where rendered applications are kept between runs; empty for no cache
 */
public record RenderLimits(
        Duration timeout,
        long maxOutputBytes,
        List<String> kustomizeCommand,
        boolean allowRemoteBases,
        List<String> helmCommand,
        HelmProcess helm,
        long helmWorkerMemoryBytes,
        Optional<CacheSettings> cache) {

    /** Where Helm as a library runs. */
    public enum HelmProcess {
        /** Child processes kept warm and reused, killed at the deadline with bounded memory (the default). */
        WORKER,
        /** meshgate's own process: no start-up, but a runaway template cannot be stopped (benchmarks compare). */
        IN_PROCESS
    }

    /**
     * The render cache.
     *
     * @param folder where entries are kept
     * @param maxBytes the size it is trimmed to, least recently used first
     */
    public record CacheSettings(Path folder, long maxBytes) {}

    public RenderLimits {
        kustomizeCommand = List.copyOf(kustomizeCommand);
        helmCommand = helmCommand == null ? List.of() : List.copyOf(helmCommand);
        helm = helm == null ? HelmProcess.WORKER : helm;
        cache = cache == null ? Optional.empty() : cache;
    }

    public static RenderLimits defaults() {
        boolean nativeImage = SelfLauncher.inNativeImage();
        return new RenderLimits(
                Duration.ofSeconds(60),
                50L * 1024 * 1024,
                List.of("kubectl", "kustomize"),
                false,
                nativeImage ? List.of("helm") : List.of(),
                HelmProcess.WORKER,
                512L * 1024 * 1024,
                Optional.empty());
    }

    /** A command line given as one string, split on spaces. */
    public static List<String> command(String line) {
        return Arrays.stream(line.strip().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .toList();
    }

    public RenderLimits withKustomizeCommand(List<String> command) {
        return new RenderLimits(
                timeout, maxOutputBytes, command, allowRemoteBases, helmCommand, helm, helmWorkerMemoryBytes, cache);
    }

    public RenderLimits withHelmCommand(List<String> command) {
        return new RenderLimits(
                timeout,
                maxOutputBytes,
                kustomizeCommand,
                allowRemoteBases,
                command,
                helm,
                helmWorkerMemoryBytes,
                cache);
    }

    public RenderLimits allowingRemoteBases(boolean allow) {
        return new RenderLimits(
                timeout, maxOutputBytes, kustomizeCommand, allow, helmCommand, helm, helmWorkerMemoryBytes, cache);
    }

    public RenderLimits within(Duration newTimeout, long newMaxOutputBytes) {
        return new RenderLimits(
                newTimeout,
                newMaxOutputBytes,
                kustomizeCommand,
                allowRemoteBases,
                helmCommand,
                helm,
                helmWorkerMemoryBytes,
                cache);
    }

    /** Helm as a library in the given process, render workers given this much memory each. */
    public RenderLimits withHelm(HelmProcess process, long workerMemoryBytes) {
        return new RenderLimits(
                timeout,
                maxOutputBytes,
                kustomizeCommand,
                allowRemoteBases,
                helmCommand,
                process,
                workerMemoryBytes,
                cache);
    }

    /** Rendered applications kept in the folder, trimmed to the size; {@link #uncached()} for none. */
    public RenderLimits cachedIn(Path folder, long maxBytes) {
        return new RenderLimits(
                timeout,
                maxOutputBytes,
                kustomizeCommand,
                allowRemoteBases,
                helmCommand,
                helm,
                helmWorkerMemoryBytes,
                Optional.of(new CacheSettings(folder, maxBytes)));
    }

    public RenderLimits uncached() {
        return new RenderLimits(
                timeout,
                maxOutputBytes,
                kustomizeCommand,
                allowRemoteBases,
                helmCommand,
                helm,
                helmWorkerMemoryBytes,
                Optional.empty());
    }
}
