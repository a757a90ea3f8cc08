package dev.meshgate.cluster;

/** The cluster or inventory could not be read: references are then checked against the repository only. */
public class ClusterUnavailableException extends Exception {

    public ClusterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
