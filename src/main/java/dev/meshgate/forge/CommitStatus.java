package dev.meshgate.forge;

/**
 * What meshgate says about a commit, in the form every forge's status API takes.
 *
 * @param state the verdict so far
 * @param description one line such as "3 errors, 2 warnings in 2 apps"; publishers shorten it to their forge's limit
 * @param targetUrl the run's report page
 * @param context the status name, so that several tools' statuses stand side by side (default "meshgate")
 */
public record CommitStatus(State state, String description, String targetUrl, String context) {

    /** The four states every forge can express. */
    public enum State {
        PENDING,
        SUCCESS,
        FAILURE,
        /** meshgate itself could not reach a verdict (checkout failed, a limit was hit...). */
        ERROR
    }
}
