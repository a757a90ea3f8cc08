package dev.meshgate.cli;

import dev.meshgate.files.CacheHome;
import java.nio.file.Path;

/** The command line's render cache folder, in meshgate's folder of the user's cache folder. */
final class UserCacheFolder {

    /** The size the command line's render cache is trimmed to. */
    static final long MAX_BYTES = 1024L * 1024 * 1024;

    private UserCacheFolder() {}

    static Path find() {
        return CacheHome.meshgate().resolve("render");
    }
}
