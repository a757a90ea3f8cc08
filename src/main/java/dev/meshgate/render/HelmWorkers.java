package dev.meshgate.render;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Helm in render workers, kept warm and reused: a chart takes an idle worker or starts one, and gives it back unless
 * it was killed at the deadline or died. One pool per worker memory size serves every rendering of the process.
 */
final class HelmWorkers implements HelmEngine {

    private static final Map<Long, HelmWorkers> SHARED = new ConcurrentHashMap<>();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    // Worked out when the first worker starts: every command line makes a Helm renderer, and most render no chart.
    private volatile List<String> command;
    private final long memoryBytes;
    private final int maxIdle;
    private final Deque<HelmWorkerProcess> idle = new ArrayDeque<>();
    private final Set<HelmWorkerProcess> running = ConcurrentHashMap.newKeySet();

    private HelmWorkers(long memoryBytes, int maxIdle) {
        this.memoryBytes = memoryBytes;
        this.maxIdle = maxIdle;
    }

    /** The process's pool of workers started with this much memory. */
    static HelmWorkers shared(long memoryBytes) {
        return SHARED.computeIfAbsent(memoryBytes, size -> {
            HelmWorkers workers = new HelmWorkers(
                    memoryBytes, Math.max(1, Runtime.getRuntime().availableProcessors()));
            Runtime.getRuntime().addShutdownHook(new Thread(workers::closeAll, "meshgate-render-workers-stop"));
            return workers;
        });
    }

    @Override
    public String template(Path chart, String release, String namespace, List<Path> valueFiles, RenderLimits limits)
            throws RenderException {
        HelmWorkerProcess worker = take();
        try {
            return worker.template(chart, release, namespace, valueFiles, limits);
        } finally {
            giveBack(worker);
        }
    }

    /** The process ids of the workers alive now, busy or idle. */
    Set<Long> pids() {
        return running.stream()
                .filter(HelmWorkerProcess::usable)
                .map(HelmWorkerProcess::pid)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Stops every worker; the next chart starts a new one. */
    void closeAll() {
        synchronized (idle) {
            idle.clear();
        }
        running.forEach(HelmWorkerProcess::close);
        running.clear();
    }

    private HelmWorkerProcess take() throws RenderException {
        synchronized (idle) {
            while (!idle.isEmpty()) {
                HelmWorkerProcess worker = idle.pop();
                if (worker.usable()) {
                    return worker;
                }
                running.remove(worker);
            }
        }
        if (command == null) {
            command = SelfLauncher.worker(memoryBytes);
        }
        HelmWorkerProcess started = HelmWorkerProcess.start(command, memoryBytes, START_TIMEOUT);
        running.add(started);
        return started;
    }

    private void giveBack(HelmWorkerProcess worker) {
        synchronized (idle) {
            if (worker.usable() && idle.size() < maxIdle) {
                idle.push(worker);
                return;
            }
        }
        running.remove(worker);
        worker.close();
    }
}
