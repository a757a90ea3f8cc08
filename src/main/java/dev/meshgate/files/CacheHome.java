package dev.meshgate.files;

import java.nio.file.Path;

/** meshgate's folder in the user's cache folder, as the XDG base directory rules name it. */
public final class CacheHome {

    private CacheHome() {}

    /** {@code $XDG_CACHE_HOME/meshgate}, else {@code ~/.cache/meshgate}. */
    public static Path meshgate() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        // The rules say a relative XDG_CACHE_HOME is invalid and to be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("meshgate");
    }
}
