package dev.meshgate.manifest;

/** Safety limits for reading manifests that come from untrusted repositories. */
public record LoadLimits(long maxFileBytes, int maxAliases, int maxDepth, int maxNodesPerDocument) {

    /** Limits generous for real GitOps repositories and tight enough to stop alias bombs and runaway files. */
    public static LoadLimits defaults() {
        return new LoadLimits(8L * 1024 * 1024, 100, 64, 500_000);
    }

    /** The same limits with another maximum file size. */
    public LoadLimits withMaxFileBytes(long bytes) {
        return new LoadLimits(bytes, maxAliases, maxDepth, maxNodesPerDocument);
    }
}
