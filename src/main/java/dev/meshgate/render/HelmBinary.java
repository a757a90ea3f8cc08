package dev.meshgate.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@code helm} binary, for native builds (which cannot load helm-java's library) or by choice. */
final class HelmBinary implements HelmEngine {

    private final List<String> command;

    HelmBinary(List<String> command) {
        this.command = List.copyOf(command);
    }

    @Override
    public String template(Path chart, String release, String namespace, List<Path> valueFiles, RenderLimits limits)
            throws RenderException {
        List<String> line = new ArrayList<>(command);
        line.addAll(List.of("template", release, chart.toString(), "--namespace", namespace));
        for (Path values : valueFiles) {
            line.addAll(List.of("--values", values.toString()));
        }
        return ToolRun.run(line, chart, limits.timeout(), limits.maxOutputBytes());
    }
}
