package dev.meshgate.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU time an analysis spends in each rule (its {@code check} and its per-resource checks) and in building the
 * index, added up over every analysis given the same instance: what the benchmark prints to show where analysis time
 * goes and which rule grows faster than its input. CPU time, not wall time, so that other processes on the machine
 * do not blur it. A per-resource check is too short to read the thread's CPU clock around (a system call); its wall
 * time is read instead, and the pass's CPU time shared among its checks in proportion. {@link #OFF} measures nothing
 * and costs a branch.
 */
public final class RuleTimes {

    /** The name the index's construction is reported under. */
    public static final String INDEX = "(index)";

    /** Measures nothing. */
    public static final RuleTimes OFF = new RuleTimes(false);

    private final boolean on;
    private final Map<Rule, long[]> cpuByRule = new IdentityHashMap<>();
    private final Map<Rule, long[]> passWallByRule = new IdentityHashMap<>();
    private long indexCpu;
    private long passCpu;
    private long passWall;

    private RuleTimes(boolean on) {
        this.on = on;
    }

    /** Times that add up every analysis they are given to. */
    public static RuleTimes measured() {
        return new RuleTimes(true);
    }

    /** Whether these times measure: the analysis then runs every rule on one thread. */
    boolean measures() {
        return on;
    }

    /** A start for {@link #addCpu} and {@link #addIndex}; 0 when off, so that an unmeasured analysis reads no clock. */
    long cpuStart() {
        return on ? Clock.THREADS.getCurrentThreadCpuTime() : 0;
    }

    void addCpu(Rule rule, long cpuStart) {
        if (on) {
            cpuByRule.computeIfAbsent(rule, r -> new long[1])[0] += Clock.THREADS.getCurrentThreadCpuTime() - cpuStart;
        }
    }

    void addIndex(long cpuStart) {
        if (on) {
            indexCpu += Clock.THREADS.getCurrentThreadCpuTime() - cpuStart;
        }
    }

    /** A start for {@link #addCheck}, for one per-resource check. */
    long wallStart() {
        return on ? System.nanoTime() : 0;
    }

    void addCheck(Rule rule, long wallStart) {
        if (on) {
            passWallByRule.computeIfAbsent(rule, r -> new long[1])[0] += System.nanoTime() - wallStart;
        }
    }

    /** Records one whole resource pass, whose CPU time its checks share. */
    void addPass(long cpuStart, long wallStart) {
        if (on) {
            passCpu += Clock.THREADS.getCurrentThreadCpuTime() - cpuStart;
            passWall += System.nanoTime() - wallStart;
        }
    }

    /** CPU nanoseconds by rule name, the index first, then the rules in the order they ran. */
    public Map<String, Long> nanosByName() {
        Map<String, Long> named = new LinkedHashMap<>();
        named.put(INDEX, indexCpu);
        cpuByRule.forEach((rule, nanos) -> named.merge(rule.info().name(), nanos[0], Long::sum));
        double cpuPerWall = passWall == 0 ? 0 : (double) passCpu / passWall;
        passWallByRule.forEach(
                (rule, nanos) -> named.merge(rule.info().name(), Math.round(nanos[0] * cpuPerWall), Long::sum));
        return named;
    }

    // A holder, so that an unmeasured analysis (every validate) loads no management classes: 42 of them, which took
    // a fresh JVM 23-35 ms.
    private static final class Clock {
        static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    }
}
