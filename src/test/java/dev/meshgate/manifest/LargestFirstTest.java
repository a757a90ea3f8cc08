package dev.meshgate.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class LargestFirstTest {

    @Test
    void resultsKeepTheItemsOrderWhateverTheOrderTheyAreDoneIn() {
        long[] sizes = {5, 900, 0, 42, 900, 7};

        List<String> results = LargestFirst.map(sizes, i -> "item " + i);

        assertThat(results).containsExactly("item 0", "item 1", "item 2", "item 3", "item 4", "item 5");
    }

    @Test
    void eachItemIsDoneOnce() {
        long[] sizes = {1, 3, 2};
        ConcurrentLinkedQueue<Integer> done = new ConcurrentLinkedQueue<>();

        LargestFirst.map(sizes, i -> done.add(i));

        assertThat(done).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void theLargestItemsAreTakenFirstItemsOfOneSizeInTheirOrder() {
        assertThat(LargestFirst.order(new long[] {1, 3, 2, 3, -1})).containsExactly(1, 3, 2, 0, 4);
    }

    @Test
    void noItemsNoWork() {
        assertThat(LargestFirst.map(new long[0], i -> i)).isEmpty();
    }
}
