package dev.meshgate.revision;

/** A repository URL that cannot be fetched from; the message never repeats the URL, which may hold a token. */
public final class InvalidRepositoryUrlException extends Exception {

    public InvalidRepositoryUrlException(String message) {
        super(message);
    }
}
