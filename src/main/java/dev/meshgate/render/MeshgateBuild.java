package dev.meshgate.render;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which build of meshgate this is, as far as the render cache is concerned: a packaged build is told by its jar's
 * size and time, so a new build never reads what an older one rendered and remapped.
 */
final class MeshgateBuild {

    static final String ID = identify();

    private MeshgateBuild() {}

    private static String identify() {
        String version = MeshgateBuild.class.getPackage().getImplementationVersion();
        try {
            var source = MeshgateBuild.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                Path location = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(location)) {
                    return version + " " + Files.size(location) + " " + Files.getLastModifiedTime(location);
                }
            }
        } catch (Exception e) {
            // not told apart: the format version in the key still is
        }
        return String.valueOf(version);
    }
}
