package dev.meshgate.git;

/** A checkout that failed for a reason users can act on; the message never contains credentials. */
public class GitException extends Exception {

    /** Why the checkout failed, so that callers (the run, the status) can say it in their own words. */
    public enum Reason {
        /** The server does not have the commit, or the id is not a commit id. */
        UNKNOWN_COMMIT,
        /** The commit was on the requested ref once, but the ref has moved on without it. */
        COMMIT_GONE,
        AUTHENTICATION_REFUSED,
        UNREACHABLE,
        TIMED_OUT,
        /** The server answered, but not as a git server does. */
        NOT_A_GIT_SERVER,
        /** The outbound policy does not let meshgate connect there. */
        NOT_ALLOWED,
        LIMIT_EXCEEDED,
        FAILED
    }

    private final Reason reason;

    public GitException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
