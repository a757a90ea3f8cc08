package dev.meshgate.render;

import com.marcnuri.helm.jni.HelmLib;
import com.marcnuri.helm.jni.NativeLibrary;
import com.sun.jna.Native;
import dev.meshgate.files.CacheHome;
import dev.meshgate.files.FileTrees;
import dev.meshgate.files.ReplacedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Helm's native library (95 MB in helm-java's jar), unpacked once per helm-java version into meshgate's cache folder
 * and loaded from there. helm-java itself unpacks it into a new temporary folder in every process, removed only when
 * the process exits normally: each render worker, which is killed when it is done with, left a copy behind, and paid
 * a third of a second of CPU to unpack it.
 */
final class HelmNativeLibrary {

    private static HelmLib loaded;

    private HelmNativeLibrary() {}

    /**
     * The library, loaded on first use: one process never loads two copies of it (Go's runtime allows one). A library
     * that cannot be unpacked fails the chart with the reason (an exception, not a failed class initialisation, which
     * would fail every later chart with none) and is tried again for the next one.
     */
    static synchronized HelmLib instance() {
        if (loaded == null) {
            loaded = load();
        }
        return loaded;
    }

    private static HelmLib load() {
        NativeLibrary platform = NativeLibrary.getInstance();
        String name = platform.getBinaryName();
        URL resource = platform.getClass().getResource("/" + name);
        if (resource == null) {
            throw new IllegalStateException("Helm's native library " + name + " is not on the class path");
        }
        Path folder = CacheHome.meshgate().resolve(HelmLibrary.version().replace(' ', '-'));
        try {
            boolean present = Files.isRegularFile(folder.resolve(name));
            Path file = unpacked(folder, name, resource);
            if (!present) {
                removeOtherVersions(folder.getParent(), folder.getFileName().toString());
            }
            return Native.load(file.toString(), HelmLib.class);
        } catch (IOException e) {
            return loadedOnce(name, resource);
        }
    }

    /**
     * Removes the libraries of other helm-java versions from meshgate's cache folder, so that upgrades do not pile up
     * 95 MB each. A process of another version that still maps one keeps it mapped; its next start unpacks it again.
     */
    static void removeOtherVersions(Path home, String keep) {
        try (var folders = Files.list(home)) {
            for (Path other : (Iterable<Path>) folders::iterator) {
                String folderName = other.getFileName().toString();
                if (folderName.startsWith("helm-java-") && !folderName.equals(keep) && Files.isDirectory(other)) {
                    FileTrees.deleteRecursively(other);
                }
            }
        } catch (IOException e) {
            // what cannot be removed now is tried again after the next upgrade
        }
    }

    /**
     * The library in the folder: the copy there when it is whole, else a new one written beside it and moved into
     * place, so that processes starting side by side never load a partial copy.
     */
    static Path unpacked(Path folder, String name, URL resource) throws IOException {
        Path file = folder.resolve(name);
        long size = resource.openConnection().getContentLengthLong();
        if (Files.isRegularFile(file) && (size < 0 || Files.size(file) == size)) {
            return file;
        }
        ReplacedFile.replace(file, out -> {
            try (InputStream in = resource.openStream()) {
                in.transferTo(out);
            }
        });
        return file;
    }

    // No cache folder to write to (a read-only home): a copy of this process's own, removed as soon as it is loaded,
    // which Linux and macOS allow while the library stays mapped.
    private static HelmLib loadedOnce(String name, URL resource) {
        try {
            Path folder = Files.createTempDirectory("meshgate-helm");
            try {
                return Native.load(unpacked(folder, name, resource).toString(), HelmLib.class);
            } finally {
                Files.deleteIfExists(folder.resolve(name));
                Files.deleteIfExists(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Helm's native library " + name, e);
        }
    }
}
