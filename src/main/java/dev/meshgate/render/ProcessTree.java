package dev.meshgate.render;

import java.util.List;

/**
 * Stops a tool and every process it started. Killing only the direct child leaves its children (a shell's sleep, a
 * plugin kustomize executes) running with nobody to reap them; they are found before the parent dies, since a dead
 * parent's children are re-parented and no longer listed as its descendants.
 */
final class ProcessTree {

    private static final int ROUNDS = 10;

    private ProcessTree() {}

    /** Kills the process and its descendants, and returns once all of them have exited. */
    static void kill(ProcessHandle process) {
        List<ProcessHandle> killed = new java.util.ArrayList<>();
        // A process may fork while its siblings are killed: take the tree again until nothing new appears.
        for (int round = 0; round < ROUNDS; round++) {
            List<ProcessHandle> descendants =
                    process.descendants().filter(ProcessHandle::isAlive).toList();
            if (descendants.isEmpty()) {
                break;
            }
            descendants.forEach(ProcessHandle::destroyForcibly);
            killed.addAll(descendants);
        }
        process.destroyForcibly();
        killed.add(process);
        for (ProcessHandle handle : killed) {
            handle.onExit().join();
        }
    }
}
