package dev.meshgate.cli;

import dev.meshgate.render.HelmWorker;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code meshgate render-worker}: the child process meshgate renders charts in; not for people to run. */
@Command(name = "render-worker", hidden = true, description = "Renders charts for meshgate over standard input.")
public final class RenderWorkerCommand implements Callable<Integer> {

    @Override
    public Integer call() throws java.io.IOException {
        return HelmWorker.serve(System.in, System.out);
    }
}
