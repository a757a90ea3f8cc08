package dev.meshgate.runs;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * New run ids: 128 random bits in hex. A run's id is all it takes to read its report page, so it must not be
 * guessable or enumerable.
 */
final class RunIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {}

    static String next() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }
}
