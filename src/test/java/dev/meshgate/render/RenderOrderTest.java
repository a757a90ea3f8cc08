package dev.meshgate.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which renderings start first and which share a turn: charts in workers first, charts on the calling thread last. */
class RenderOrderTest {

    private static final List<Source> SOURCES = List.of(
            Source.of(SourceType.KUSTOMIZE, "overlays/prod"),
            Source.of(SourceType.HELM, "charts/reviews"),
            Source.of(SourceType.DIRECTORY, "plain"),
            Source.of(SourceType.HELM, "charts/ratings"),
            Source.of(SourceType.FLUX_FOLDER, "clusters/prod"));

    @Test
    void chartsRenderedByWorkersStartFirstInOneTurnAndTheRestOneEach() {
        assertThat(Rendering.startOrder(SOURCES, false))
                .containsExactly(List.of(1, 3), List.of(0), List.of(2), List.of(4));
    }

    @Test
    void chartsRenderedOnTheCallingThreadStartAfterThePoolHasItsWork() {
        assertThat(Rendering.startOrder(SOURCES, true))
                .containsExactly(List.of(0), List.of(2), List.of(4), List.of(1), List.of(3));
    }

    @Test
    void moreChartsThanATurnHoldsShareTheCoresInTurnsOfAtMostItsSize() {
        List<Source> sources = new ArrayList<>();
        int charts = Rendering.CHARTS_PER_TURN * 2 + 1;
        IntStream.range(0, charts).forEach(i -> sources.add(Source.of(SourceType.HELM, "charts/c" + i)));
        sources.add(Source.of(SourceType.KUSTOMIZE, "overlays/prod"));

        List<List<Integer>> turns = Rendering.startOrder(sources, false);

        assertThat(turns).hasSize(4);
        assertThat(turns.subList(0, 3))
                .allSatisfy(turn -> assertThat(turn).hasSizeLessThanOrEqualTo(Rendering.CHARTS_PER_TURN));
        assertThat(turns.stream().flatMap(List::stream))
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(0, charts).boxed().toList());
    }

    @Test
    void noSourceNoTurn() {
        assertThat(Rendering.startOrder(List.of(), false)).isEmpty();
    }
}
