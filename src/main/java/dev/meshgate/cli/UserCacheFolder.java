package dev.meshgate.cli;

import java.nio.file.Path;

/** The command line's render cache folder: the user's cache folder, as the XDG base directory rules name it. */
final class UserCacheFolder {

    /** The size the command line's render cache is trimmed to. */
    static final long MAX_BYTES = 1024L * 1024 * 1024;

    private UserCacheFolder() {}

    static Path find() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        // The rules say a relative XDG_CACHE_HOME is invalid and to be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("meshgate").resolve("render");
    }
}
