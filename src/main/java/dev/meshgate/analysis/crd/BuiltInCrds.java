package dev.meshgate.analysis.crd;

import dev.meshgate.manifest.LoadLimits;
import dev.meshgate.manifest.LoadResult;
import dev.meshgate.manifest.ManifestLoader;
import dev.meshgate.manifest.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * meshgate's built-in knowledge of the Istio kinds fabric8's istio-model lacks (TrafficExtension), written as CRDs
 * in {@code built-in-crds.yaml} and judged by the CRD validator like any CRD. Read once per process.
 */
public final class BuiltInCrds {

    private static final String FILE = "built-in-crds.yaml";

    private BuiltInCrds() {}

    // Initialised on first use, so that runs that never meet these kinds never read the file.
    private static final class Holder {
        private static final CrdCatalog CATALOG = read();
    }

    private static CrdCatalog read() {
        try (InputStream in = BuiltInCrds.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from meshgate's build");
            }
            LoadResult loaded = new ManifestLoader(LoadLimits.defaults(), "default")
                    .loadText(FILE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            CrdCatalog catalog = CrdCatalog.builder()
                    .add(loaded.resources(), new CrdCatalog.Source("meshgate's built-in model", false))
                    .build();
            if (!loaded.problems().isEmpty() || !catalog.problems().isEmpty()) {
                throw new IllegalStateException(FILE + " does not read: " + loaded.problems() + catalog.problems());
            }
            return catalog;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Judges a resource of a kind only the built-in CRDs define; empty for every other kind. */
    public static Optional<CrdCatalog.Judgement> judge(Resource resource) {
        return Holder.CATALOG.judge(resource);
    }
}
