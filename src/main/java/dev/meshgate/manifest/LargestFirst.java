package dev.meshgate.manifest;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Does one job per item on every core, the largest items first, and keeps the results in the items' order.
 *
 * <p>A parallel stream hands each core a fixed range of items; a repository's sizes are so uneven (a few files of
 * megabytes of CRDs among hundreds of small ones) that one core could be left with most of the work. Taking the next
 * largest item whenever a core is free ends with all cores busy to nearly the same moment. The analysis shares its
 * rules out the same way.
 */
public final class LargestFirst {

    private LargestFirst() {}

    /**
     * The results of {@code job} for the items {@code 0..sizes.length-1}, in that order, the job run for the items in
     * the order of decreasing size on this thread and the common pool's.
     */
    public static <T> List<T> map(long[] sizes, IntFunction<T> job) {
        int[] order = order(sizes);
        Object[] results = new Object[sizes.length];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int taken = next.getAndIncrement(); taken < order.length; taken = next.getAndIncrement()) {
                results[order[taken]] = job.apply(order[taken]);
            }
        };
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), sizes.length - 1);
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[Math.max(0, helpers)];
        for (int i = 0; i < tasks.length; i++) {
            tasks[i] = ForkJoinPool.commonPool().submit(worker);
        }
        worker.run();
        // Joining makes the helpers' results visible to this thread.
        for (ForkJoinTask<?> task : tasks) {
            task.join();
        }
        @SuppressWarnings("unchecked")
        List<T> inOrder = (List<T>) Arrays.asList(results);
        return inOrder;
    }

    /** The items in the order they are taken: by decreasing size, items of one size in their order. */
    static int[] order(long[] sizes) {
        Integer[] order = new Integer[sizes.length];
        Arrays.setAll(order, i -> i);
        // A stable sort.
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> sizes[i]).reversed());
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }
}
