package dev.meshgate.render;

/** An application that could not be rendered, with the tool's own message: it becomes a finding, never a crash. */
public class RenderException extends Exception {

    private final boolean passing;

    /** A failure the same files would meet again (the tool's own error): the render cache may keep it. */
    public RenderException(String message) {
        this(message, false);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
        this.passing = true;
    }

    /** @param passing whether the failure may not recur (a time limit, a tool that could not start) */
    RenderException(String message, boolean passing) {
        super(message);
        this.passing = passing;
    }

    /** A failure that may not recur with the same files: a time limit, a tool or worker that could not start or died. */
    static RenderException passing(String message) {
        return new RenderException(message, true);
    }

    /** Whether the failure may not recur with the same files, so that the render cache must not keep it. */
    boolean isPassing() {
        return passing;
    }
}
