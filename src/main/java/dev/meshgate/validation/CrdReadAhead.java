package dev.meshgate.validation;

import dev.meshgate.analysis.crd.CrdCatalog;
import dev.meshgate.render.RenderedApplication;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads the Istio CRDs of each application on a thread of its own as soon as the application is rendered: reading
 * them (starting the CEL engine, compiling their rules) takes about half a second, which the analysis would otherwise
 * wait for after the slowest rendering, and a render thread doing it would start its next rendering that much later.
 */
final class CrdReadAhead implements Consumer<RenderedApplication>, AutoCloseable {

    private final ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "meshgate-crd-read-ahead");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicInteger applications = new AtomicInteger();

    @Override
    public void accept(RenderedApplication application) {
        // A repository of several applications is worth starting the CEL engine before its first CRD arrives; a
        // small folder, which may hold none, would pay for it in its start (a tenth of a second, measured).
        if (applications.incrementAndGet() == 2) {
            reader.execute(CrdCatalog::warmUp);
        }
        reader.execute(() -> {
            CrdCatalog.readAhead(application.loaded().resources());
            // what an application that could not be rendered declares is analysed too
            CrdCatalog.readAhead(application.unrendered());
        });
    }

    /** Takes no more applications; one being read is finished, and analyses wait for its CRDs as they need them. */
    @Override
    public void close() {
        reader.shutdown();
    }
}
