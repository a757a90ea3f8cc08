package dev.meshgate.render;

import dev.meshgate.manifest.LoadProblem;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.Resource;
import java.util.List;

/**
 * One application's rendered resources (with their origins in the repository), or the problem that stopped it.
 *
 * @param unrendered when it could not be rendered, what its local files declare ({@link UnrenderedFiles}), read once
 *     with the rendering and kept with it in the render cache
 */
public record RenderedApplication(Source source, LoadResult loaded, List<Resource> unrendered) {

    /** An application rendered, or failed with nothing declared in its local files. */
    public RenderedApplication(Source source, LoadResult loaded) {
        this(source, loaded, List.of());
    }

    /** Whether rendering failed or was refused: nothing rendered, and a problem saying so. */
    public boolean failed() {
        return failed(loaded);
    }

    static boolean failed(LoadResult loaded) {
        return loaded.resources().isEmpty()
                && loaded.problems().stream()
                        .anyMatch(problem -> problem.type() == LoadProblem.Type.NOT_ANALYSED
                                || problem.type() == LoadProblem.Type.RENDER_FAILED);
    }
}
