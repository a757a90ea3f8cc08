package dev.meshgate.render;

import dev.meshgate.files.FileHashes;
import dev.meshgate.files.ReplacedFile;
import dev.meshgate.manifest.LoadLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells whether a file can hold an Argo CD or Flux object at all, so that discovery parses only the few that name one
 * of their API groups. Screening reads every manifest of the tree, which was 0.14-0.17 s of a warm run on
 * kubeflow/manifests (measured); with a store, a file whose content hash {@link FileHashes} remembers without reading
 * it is judged by the verdict its content got before.
 */
final class DeclarationScreen {

    private final Optional<FileHashes> hashes;
    private final Optional<Path> store;
    private final Map<String, Boolean> earlier;
    private final Map<String, Boolean> thisRun = new ConcurrentHashMap<>();

    private DeclarationScreen(Optional<FileHashes> hashes, Optional<Path> store, Map<String, Boolean> earlier) {
        this.hashes = hashes;
        this.store = store;
        this.earlier = earlier;
    }

    /** A screen that reads every file. */
    static DeclarationScreen reading() {
        return new DeclarationScreen(Optional.empty(), Optional.empty(), Map.of());
    }

    /** A screen that remembers verdicts by content hash in the store file; a store that cannot be read starts afresh. */
    static DeclarationScreen rememberedIn(Path store, FileHashes hashes) {
        return new DeclarationScreen(Optional.of(hashes), Optional.of(store), StoreFile.read(store));
    }

    /** Whether the file may declare an Argo CD or Flux object (files over the size limit are left to the renderers). */
    boolean mayDeclare(Path file) {
        Optional<String> sha256 = hashes.flatMap(known -> known.remembered(file));
        if (sha256.isPresent()) {
            Boolean known = earlier.get(sha256.get());
            if (known != null) {
                thisRun.put(sha256.get(), known);
                return known;
            }
        }
        boolean verdict = read(file);
        sha256.ifPresent(hash -> thisRun.put(hash, verdict));
        return verdict;
    }

    /** Writes the store with the verdicts this run used, so that it holds what the last run screened and no more. */
    void save() {
        // A tree screened as before leaves the store as it is: a warm run writes nothing.
        if (!thisRun.equals(earlier)) {
            store.ifPresent(file -> StoreFile.write(file, thisRun));
        }
    }

    private static boolean read(Path file) {
        try {
            if (Files.size(file) > LoadLimits.defaults().maxFileBytes()) {
                return false;
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            // A zero byte means UTF-16 or UTF-32, where the names are not plain bytes: parse it to be sure.
            return text.indexOf('\0') >= 0 || text.contains("argoproj.io") || text.contains("fluxcd.io");
        } catch (IOException e) {
            return false; // unreadable: rendering reports it
        }
    }

    /** The store on disk: a line per content, {@code sha256 0|1}. */
    private static final class StoreFile {

        private StoreFile() {}

        static Map<String, Boolean> read(Path store) {
            Map<String, Boolean> verdicts = new ConcurrentHashMap<>();
            // None yet, or unreadable: every file is read again.
            for (String line : ReplacedFile.lines(store)) {
                if (line.length() == 66 && line.charAt(64) == ' ' && (line.endsWith("0") || line.endsWith("1"))) {
                    verdicts.put(line.substring(0, 64), line.endsWith("1"));
                }
            }
            return verdicts;
        }

        static void write(Path store, Map<String, Boolean> verdicts) {
            ReplacedFile.write(store, out -> {
                for (Map.Entry<String, Boolean> verdict : verdicts.entrySet()) {
                    out.write(verdict.getKey() + (verdict.getValue() ? " 1\n" : " 0\n"));
                }
            });
        }
    }
}
