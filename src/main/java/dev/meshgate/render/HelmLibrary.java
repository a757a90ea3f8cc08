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
 * Helm as a library (helm-java, Helm's Go code through a native library loaded on the first chart, not before, from
 * meshgate's cache folder: {@link HelmNativeLibrary}). The
 * render worker calls it; in meshgate's own process ({@code helm-in-process}) it runs on a thread of its own so that
 * the caller gets its answer at the time limit, though Go code cannot be stopped and keeps running to its end.
 */
final class HelmLibrary implements HelmEngine {

    /** The chart rendered by helm-java on the calling thread, with no time limit. */
    static String render(Path chart, String release, String namespace, List<Path> valueFiles) {
        com.marcnuri.helm.TemplateCommand command = new com.marcnuri.helm.TemplateCommand(
                        HelmNativeLibrary.instance(), chart)
                .withName(release)
                .withNamespace(namespace);
        valueFiles.forEach(command::withValuesFile);
        String output = command.call();
        // helm-java answers null, not an empty text, when every template renders nothing: a valid chart.
        return output == null ? "" : output;
    }

    /** The helm-java version, which pins the Helm version it embeds. */
    static String version() {
        try (var in = HelmLibrary.class.getResourceAsStream(
                "/META-INF/maven/com.marcnuri.helm-java/helm-java/pom.properties")) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            return "helm-java " + properties.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "helm-java unknown";
        }
    }

    @Override
    public String template(Path chart, String release, String namespace, List<Path> valueFiles, RenderLimits limits)
            throws RenderException {
        ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
            Thread helm = new Thread(task, "meshgate-helm");
            helm.setDaemon(true);
            return helm;
        });
        try {
            Future<String> rendered = thread.submit(() -> render(chart, release, namespace, valueFiles));
            return rendered.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw RenderException.passing("helm template took longer than " + limits.timeout());
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
