package dev.meshgate.git;

import java.nio.file.Path;

/**
 * How the mirror cache behaves.
 *
 * @param dataDirectory where mirrors live (under {@code mirrors/})
 * @param limits size and time limits for one checkout
 * @param diskBudgetBytes the most disk all mirrors together may use; the least recently used go first
 * @param submodules whether submodules are checked out too (network URLs only), or left out
 */
public record MirrorCacheSettings(Path dataDirectory, CheckoutLimits limits, long diskBudgetBytes, boolean submodules) {

    public static MirrorCacheSettings defaults(Path dataDirectory) {
        return new MirrorCacheSettings(dataDirectory, CheckoutLimits.defaults(), 20L << 30, false);
    }

    public MirrorCacheSettings withLimits(CheckoutLimits other) {
        return new MirrorCacheSettings(dataDirectory, other, diskBudgetBytes, submodules);
    }

    public MirrorCacheSettings withDiskBudget(long bytes) {
        return new MirrorCacheSettings(dataDirectory, limits, bytes, submodules);
    }

    public MirrorCacheSettings withSubmodules(boolean enabled) {
        return new MirrorCacheSettings(dataDirectory, limits, diskBudgetBytes, enabled);
    }
}
