package dev.meshgate.git;

/** Told whether a checkout found its commit in the mirror, for the service's metrics; calls are cheap, never throw. */
public interface MirrorObserver {

    /** Observes nothing. */
    MirrorObserver NONE = new MirrorObserver() {};

    /** The mirror already held the commit: nothing was fetched. */
    default void hit() {}

    /** The commit had to be fetched (or the repository cloned). */
    default void miss() {}
}
