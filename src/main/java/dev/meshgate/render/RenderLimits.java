package dev.meshgate.render;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

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
 */
public record RenderLimits(
        Duration timeout,
        long maxOutputBytes,
        List<String> kustomizeCommand,
        boolean allowRemoteBases,
        List<String> helmCommand) {

    public RenderLimits {
        kustomizeCommand = List.copyOf(kustomizeCommand);
        helmCommand = helmCommand == null ? List.of() : List.copyOf(helmCommand);
    }

    public static RenderLimits defaults() {
        // GraalVM sets this property in native executables.
        boolean nativeImage = System.getProperty("org.graalvm.nativeimage.imagecode") != null;
        return new RenderLimits(
                Duration.ofSeconds(60),
                50L * 1024 * 1024,
                List.of("kubectl", "kustomize"),
                false,
                nativeImage ? List.of("helm") : List.of());
    }

    /** A command line given as one string, split on spaces. */
    public static List<String> command(String line) {
        return Arrays.stream(line.strip().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .toList();
    }

    public RenderLimits withKustomizeCommand(List<String> command) {
        return new RenderLimits(timeout, maxOutputBytes, command, allowRemoteBases, helmCommand);
    }

    public RenderLimits withHelmCommand(List<String> command) {
        return new RenderLimits(timeout, maxOutputBytes, kustomizeCommand, allowRemoteBases, command);
    }

    public RenderLimits allowingRemoteBases(boolean allow) {
        return new RenderLimits(timeout, maxOutputBytes, kustomizeCommand, allow, helmCommand);
    }

    public RenderLimits within(Duration newTimeout, long newMaxOutputBytes) {
        return new RenderLimits(newTimeout, newMaxOutputBytes, kustomizeCommand, allowRemoteBases, helmCommand);
    }
}
