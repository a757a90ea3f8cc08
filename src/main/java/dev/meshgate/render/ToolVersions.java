package dev.meshgate.render;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The version of each rendering tool, part of every render cache key so that no entry outlives an upgrade. Asked once
 * per command line and process; a tool whose version cannot be told is not cached at all.
 */
final class ToolVersions {

    private static final Map<List<String>, Optional<String>> KNOWN = new ConcurrentHashMap<>();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ToolVersions() {}

    /** What renders sources of this type and which version it is, or empty when that cannot be told. */
    static Optional<String> of(SourceType type, RenderLimits limits) {
        return switch (type) {
            case DIRECTORY -> Optional.of("meshgate reader");
            case KUSTOMIZE, FLUX_FOLDER -> ask(versionCommand(limits.kustomizeCommand()));
            case HELM -> limits.helmCommand().isEmpty()
                    ? Optional.of(HelmLibrary.version())
                    : ask(append(limits.helmCommand(), "version", "--short"));
        };
    }

    /** {@code kubectl kustomize} reports kustomize's version in {@code kubectl version}; {@code kustomize build} in its own. */
    private static List<String> versionCommand(List<String> kustomize) {
        List<String> program = kustomize.size() >= 2 && kustomize.get(1).equals("kustomize")
                ? List.of(kustomize.get(0), "version", "--client")
                : List.of(kustomize.get(0), "version");
        return program;
    }

    private static List<String> append(List<String> command, String... words) {
        List<String> line = new ArrayList<>(command);
        line.addAll(List.of(words));
        return line;
    }

    private static Optional<String> ask(List<String> command) {
        return KNOWN.computeIfAbsent(command, line -> {
            try {
                String answer = ToolRun.run(line, Path.of(System.getProperty("java.io.tmpdir")), TIMEOUT, 64 * 1024)
                        .strip();
                return answer.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", line) + ": " + answer);
            } catch (RenderException e) {
                return Optional.empty();
            }
        });
    }
}
