package dev.meshgate.git;

import dev.meshgate.revision.OutboundPolicy;
import java.nio.file.Path;
import java.util.List;

/**
 * How the mirror cache behaves.
 *
 * @param dataDirectory where mirrors live (under {@code mirrors/})
 * @param limits size and time limits for one checkout
 * @param diskBudgetBytes the most disk all mirrors together may use; the least recently used go first
 * @param submodules whether submodules are checked out too (network URLs only), or left out
 * @param outbound which servers fetches and pushes may reach; by default none (local repositories only)
 */
public record MirrorCacheSettings(
        Path dataDirectory, CheckoutLimits limits, long diskBudgetBytes, boolean submodules, OutboundPolicy outbound) {

    public static MirrorCacheSettings defaults(Path dataDirectory) {
        return new MirrorCacheSettings(
                dataDirectory, CheckoutLimits.defaults(), 20L << 30, false, OutboundPolicy.allowing(List.of()));
    }

    public MirrorCacheSettings withLimits(CheckoutLimits other) {
        return new MirrorCacheSettings(dataDirectory, other, diskBudgetBytes, submodules, outbound);
    }

    public MirrorCacheSettings withDiskBudget(long bytes) {
        return new MirrorCacheSettings(dataDirectory, limits, bytes, submodules, outbound);
    }

    public MirrorCacheSettings withSubmodules(boolean enabled) {
        return new MirrorCacheSettings(dataDirectory, limits, diskBudgetBytes, enabled, outbound);
    }

    public MirrorCacheSettings withOutbound(OutboundPolicy policy) {
        return new MirrorCacheSettings(dataDirectory, limits, diskBudgetBytes, submodules, policy);
    }
}
