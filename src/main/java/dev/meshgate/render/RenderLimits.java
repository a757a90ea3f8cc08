package dev.meshgate.render;

import java.time.Duration;

/**
 * What rendering may take.
 *
 * @param timeout the longest one application may take to render
 * @param maxOutputBytes the largest rendered output of one application
 * @param kustomizeCommand the kustomize command line before the folder: {@code kubectl kustomize} or {@code kustomize build}
 * @param allowRemoteBases whether kustomizations may pull bases from the network (off: a gate must not fetch from the
 *     internet)
 */
public record RenderLimits(
        Duration timeout, long maxOutputBytes, java.util.List<String> kustomizeCommand, boolean allowRemoteBases) {

    public static RenderLimits defaults() {
        return new RenderLimits(
                Duration.ofSeconds(60), 50L * 1024 * 1024, java.util.List.of("kubectl", "kustomize"), false);
    }
}
