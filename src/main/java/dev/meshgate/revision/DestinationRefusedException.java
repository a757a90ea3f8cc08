package dev.meshgate.revision;

import java.io.IOException;

/**
 * A connection meshgate's outbound policy does not allow; the message names the reason (never the remote's answer),
 * and is an {@link IOException} so that it can stop a connection from inside a transport.
 */
public final class DestinationRefusedException extends IOException {

    public DestinationRefusedException(String message) {
        super(message);
    }
}
