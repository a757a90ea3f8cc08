package dev.meshgate.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/** Why an HTTP call did not reach its server, in words: the JDK's exceptions often carry no message at all. */
final class Unreachable {

    private Unreachable() {}

    static String reason(IOException failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "the connection timed out";
        }
        if (failure instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (causedBy(failure, UnknownHostException.class) || causedBy(failure, UnresolvedAddressException.class)) {
            return "unknown host";
        }
        if (causedBy(failure, ConnectException.class)) {
            return "connection refused";
        }
        if (causedBy(failure, SSLException.class)) {
            return "the TLS handshake failed";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank()
                ? "the connection failed (" + failure.getClass().getSimpleName() + ")"
                : message;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
