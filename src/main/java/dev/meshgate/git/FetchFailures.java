package dev.meshgate.git;

import dev.meshgate.revision.DestinationRefusedException;
import dev.meshgate.revision.RepositoryUrl;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.jboss.logging.Logger;

/**
 * Turns JGit's exceptions into reasons users understand. Neither the JGit exception nor its text is kept: its
 * message may quote a URL with a token, or whatever the remote server answered, and messages end up in run records,
 * report pages and commit statuses. The detail goes to the debug log only.
 */
final class FetchFailures {

    private static final Logger LOG = Logger.getLogger(FetchFailures.class);

    private FetchFailures() {}

    static GitException classify(RepositoryUrl url, Exception failure, DeadlineMonitor deadline) {
        String where = url.redacted();
        String text = messages(failure);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("fetching from %s failed: %s", where, url.scrub(text));
        }
        Optional<DestinationRefusedException> refused = cause(failure, DestinationRefusedException.class);
        if (refused.isPresent()) {
            String reason = refused.get().getMessage();
            return new GitException(
                    reason.startsWith("unreachable")
                            ? GitException.Reason.UNREACHABLE
                            : GitException.Reason.NOT_ALLOWED,
                    where + ": " + reason,
                    null);
        }
        if (deadline.expired() || cause(failure, SocketTimeoutException.class).isPresent()) {
            return new GitException(GitException.Reason.TIMED_OUT, "fetching from " + where + " timed out", null);
        }
        if (cause(failure, UnknownHostException.class).isPresent() || text.contains("unknown host")) {
            return new GitException(GitException.Reason.UNREACHABLE, where + " cannot be reached: unknown host", null);
        }
        if (cause(failure, ConnectException.class).isPresent()
                || cause(failure, NoRouteToHostException.class).isPresent()
                || text.contains("connection refused")) {
            return new GitException(
                    GitException.Reason.UNREACHABLE, where + " cannot be reached: connection refused", null);
        }
        if (cause(failure, SSLException.class).isPresent()) {
            return new GitException(
                    GitException.Reason.UNREACHABLE,
                    where + " cannot be reached: the TLS handshake failed (not a TLS server, or a certificate"
                            + " meshgate does not trust)",
                    null);
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
        if (url.isNetwork()
                && (text.contains("advertisement")
                        || text.contains("not a git")
                        || text.contains("protocol")
                        || text.contains("unexpected")
                        || text.contains("expected")
                        || text.contains("smart http"))) {
            return new GitException(
                    GitException.Reason.NOT_A_GIT_SERVER, where + " did not answer as a git server", null);
        }
        return new GitException(
                GitException.Reason.FAILED,
                "fetching from " + where + " failed (" + failure.getClass().getSimpleName() + ")",
                null);
    }

    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(' ').append(cause.getMessage());
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
