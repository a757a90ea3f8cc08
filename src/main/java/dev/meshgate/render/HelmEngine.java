package dev.meshgate.render;

import java.nio.file.Path;
import java.util.List;

/** What renders a chart's templates: Helm as a library, or a helm binary where the library cannot load. */
interface HelmEngine {

    /** The output of {@code helm template}: the chart's documents with their {@code # Source:} markers. */
    String template(Path chart, String release, String namespace, List<Path> valueFiles, RenderLimits limits)
            throws RenderException;
}
