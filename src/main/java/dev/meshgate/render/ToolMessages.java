package dev.meshgate.render;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A rendering tool's error as a reader of the repository needs it: without klog's line prefixes and with paths
 * relative to the repository, never meshgate's own working folders.
 */
final class ToolMessages {

    // klog: severity letter, MMDD, time, thread id, file:line] (e.g. "E1201 22:04:20.841498   12345 run.go:72] ").
    private static final Pattern KLOG_PREFIX =
            Pattern.compile("(?m)^[EWIF]\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d+\\s+\\d+ [\\w./-]+:\\d+\\] ");
    private static final Pattern SCRATCH_FOLDER = Pattern.compile("[^\\s'\"]*/meshgate-(kustomize|helm)\\d*/?");

    private ToolMessages() {}

    static String clean(String message, Path repository) {
        if (message == null) {
            return "";
        }
        String text = KLOG_PREFIX.matcher(message).replaceAll("");
        Path absolute = repository.toAbsolutePath().normalize();
        String root = absolute.toString();
        // The wrapper kustomization names the repository relative to its own scratch folder in the temp folder.
        String fromScratch = Path.of(System.getProperty("java.io.tmpdir"), "scratch")
                .toAbsolutePath()
                .normalize()
                .relativize(absolute)
                .toString();
        text = text.replace(root + "/", "").replace(root, ".").replace(fromScratch + "/", "");
        return SCRATCH_FOLDER.matcher(text).replaceAll("").strip();
    }
}
