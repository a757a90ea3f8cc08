package dev.meshgate.git;

import dev.meshgate.revision.RepositoryUrl;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Turns JGit's exceptions into reasons users understand. The JGit exception is never kept as the cause: its message
 * may quote a URL with a token, and causes end up in logs.
 */
final class FetchFailures {

    private FetchFailures() {}

    static GitException classify(RepositoryUrl url, Exception failure, DeadlineMonitor deadline) {
        String where = url.redacted();
        String text = messages(failure);
        if (deadline.expired() || causedBy(failure, SocketTimeoutException.class)) {
            return new GitException(GitException.Reason.TIMED_OUT, "fetching from " + where + " timed out", null);
        }
        if (causedBy(failure, UnknownHostException.class) || text.contains("unknown host")) {
            return new GitException(GitException.Reason.UNREACHABLE, where + " cannot be reached: unknown host", null);
        }
        if (causedBy(failure, ConnectException.class)
                || causedBy(failure, NoRouteToHostException.class)
                || text.contains("connection refused")) {
            return new GitException(
                    GitException.Reason.UNREACHABLE, where + " cannot be reached: connection refused", null);
        }
        if (text.contains("known_hosts")
                || text.contains("known hosts")
                || text.contains("host key")
                || text.contains("server key did not validate")) {
            return new GitException(
                    GitException.Reason.AUTHENTICATION_REFUSED,
                    "the SSH host key of " + url.host() + " is not in the configured known_hosts file",
                    null);
        }
        if (text.contains("not authorized")
                || text.contains("authentication is required")
                || text.contains("authentication failed")
                || text.contains("auth fail")
                || text.contains("cannot log in")
                || text.contains("401")
                || text.contains("403")) {
            return new GitException(
                    GitException.Reason.AUTHENTICATION_REFUSED, where + " refused meshgate's credentials", null);
        }
        if (text.contains("not found") || text.contains("does not appear to be a git repository")) {
            return new GitException(
                    GitException.Reason.UNREACHABLE,
                    where + " has no such repository (or hides it from meshgate's credentials)",
                    null);
        }
        return new GitException(
                GitException.Reason.FAILED,
                "fetching from " + where + " failed: " + url.scrub(rootMessage(failure)),
                null);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(' ').append(cause.getMessage());
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
