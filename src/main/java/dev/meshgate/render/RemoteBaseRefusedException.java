package dev.meshgate.render;

/** An application whose kustomization pulls a remote base while remote bases are not allowed: it is not rendered. */
public final class RemoteBaseRefusedException extends RenderException {

    public RemoteBaseRefusedException(String message) {
        super(message);
    }
}
