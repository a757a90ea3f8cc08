package dev.meshgate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code meshgate bench}: placeholder replaced by the synthetic-mesh benchmark. */
@Command(name = "bench", description = "Benchmarks the analysis on a generated mesh.")
public final class BenchCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return 0;
    }
}
