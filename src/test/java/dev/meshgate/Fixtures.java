package dev.meshgate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Manifests shared by several tests, kept under src/test/resources/fixtures/. */
public final class Fixtures {

    /** A VirtualService routing to subset v9 of reviews, which its DestinationRule does not define (line 9). */
    public static final String SUBSET_NOT_FOUND = read("subset-not-found.yaml");

    private Fixtures() {}

    public static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
