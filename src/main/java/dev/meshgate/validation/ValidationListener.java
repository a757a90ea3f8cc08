package dev.meshgate.validation;

import java.time.Duration;

/**
 * Told how long the stages of one validation took, so that the service can measure them without the engine knowing
 * how; the command line tells no one. Calls are cheap and must not throw.
 */
public interface ValidationListener {

    /** Listens to nothing. */
    ValidationListener NONE = new ValidationListener() {};

    /**
     * The repository is rendered (or its plain files read).
     *
     * @param failedApplications how many applications Kustomize or Helm could not render
     */
    default void rendered(Duration took, int failedApplications) {}

    /** The rendered resources are analysed and the policy applied. */
    default void analysed(Duration took) {}
}
