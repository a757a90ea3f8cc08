package dev.meshgate.render;

/** An application that could not be rendered, with the tool's own message: it becomes a finding, never a crash. */
public class RenderException extends Exception {

    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
