package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which renderings start first: charts in workers before the rest, charts on the calling thread after it. */
class RenderOrderTest {

    private static final List<Source> SOURCES = List.of(
            Source.of(SourceType.KUSTOMIZE, "overlays/prod"),
            Source.of(SourceType.HELM, "charts/reviews"),
            Source.of(SourceType.DIRECTORY, "plain"),
            Source.of(SourceType.HELM, "charts/ratings"),
            Source.of(SourceType.FLUX_FOLDER, "clusters/prod"));

    @Test
    void chartsRenderedByWorkersStartFirstInTheirOrder() {
        assertThat(Rendering.startOrder(SOURCES, false)).containsExactly(1, 3, 0, 2, 4);
    }

    @Test
    void chartsRenderedOnTheCallingThreadStartAfterThePoolHasItsWork() {
        assertThat(Rendering.startOrder(SOURCES, true)).containsExactly(0, 2, 4, 1, 3);
    }

    @Test
    void everySourceStartsOnceWhateverItsType() {
        assertThat(Rendering.startOrder(List.of(), false)).isEmpty();
        assertThat(Rendering.startOrder(SOURCES.subList(0, 1), false)).containsExactly(0);
    }
}
