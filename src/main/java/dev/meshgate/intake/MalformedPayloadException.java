package dev.meshgate.intake;

/** A delivery whose body is not what the forge's event promises: answered 400 with the reason. */
public class MalformedPayloadException extends RuntimeException {

    public MalformedPayloadException(String reason) {
        super(reason);
    }
}
