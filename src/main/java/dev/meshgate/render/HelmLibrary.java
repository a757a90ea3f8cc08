package dev.meshgate.render;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Helm as a library (helm-java, Helm's Go code through a native library loaded on the first chart, not before), run
 * on a thread of its own so that a runaway template hits the time limit.
 */
final class HelmLibrary implements HelmEngine {

    @Override
    public String template(Path chart, String release, String namespace, List<Path> valueFiles, RenderLimits limits)
            throws RenderException {
        ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
            Thread helm = new Thread(task, "meshgate-helm");
            helm.setDaemon(true);
            return helm;
        });
        try {
            Future<String> rendered = thread.submit(() -> {
                com.marcnuri.helm.TemplateCommand command = new com.marcnuri.helm.Helm(chart)
                        .template()
                        .withName(release)
                        .withNamespace(namespace);
                valueFiles.forEach(command::withValuesFile);
                String output = command.call();
                // helm-java answers null, not an empty text, when every template renders nothing: a valid chart.
                return output == null ? "" : output;
            });
            return rendered.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new RenderException("helm template took longer than " + limits.timeout());
        } catch (ExecutionException e) {
            throw new RenderException(String.valueOf(e.getCause().getMessage()).strip(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("rendering was interrupted", e);
        } finally {
            thread.shutdownNow();
        }
    }
}
