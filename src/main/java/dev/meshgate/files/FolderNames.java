package dev.meshgate.files;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps meshgate's own folders out of messages users read: paths become relative to the folder they are in. */
public final class FolderNames {

    private FolderNames() {}

    /**
     * The message with every path under {@code parent} shown without it and the one folder level below it (a run's
     * working folder: {@code /data/work/7751a5be/apps/x.yaml} becomes {@code apps/x.yaml}); the parent itself, named
     * alone, becomes {@code replacement}.
     */
    public static String hideFoldersUnder(String message, Path parent, String replacement) {
        if (message == null) {
            return null;
        }
        String base = Pattern.quote(parent.toAbsolutePath().normalize().toString());
        String inside = message.replaceAll(base + "/[^/\\s:'\"]+/?", "");
        return inside.replaceAll(base, Matcher.quoteReplacement(replacement));
    }

    /** The message with {@code folder} and the separator after it removed, so the paths inside read relative. */
    public static String relativeTo(String message, Path folder, String replacement) {
        if (message == null) {
            return null;
        }
        String base = Pattern.quote(folder.toAbsolutePath().normalize().toString());
        return message.replaceAll(base + "/", "").replaceAll(base, Matcher.quoteReplacement(replacement));
    }
}
