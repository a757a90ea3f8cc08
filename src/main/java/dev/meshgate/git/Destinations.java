package dev.meshgate.git;

import dev.meshgate.revision.DestinationRefusedException;
import dev.meshgate.revision.InvalidRepositoryUrlException;
import dev.meshgate.revision.OutboundPolicy;
import dev.meshgate.revision.RepositoryUrl;
import java.net.InetAddress;
import java.util.List;

/** The URL a transport is given, once the outbound policy allowed it. */
final class Destinations {

    private Destinations() {}

    /**
     * Checks a server URL against the policy and answers what to hand JGit; a {@code git://} URL is pinned to the
     * address just checked, since that transport resolves the name again and offers no hook of its own. Local
     * repositories pass: only entry points that allow them (a request from loopback) let one through.
     */
    static String transportUrl(RepositoryUrl url, OutboundPolicy policy) throws GitException {
        if (url.isLocal()) {
            return url.forTransport();
        }
        try {
            policy.checkServerUrl(url);
            if (url.scheme().equals("git")) {
                List<InetAddress> addresses = policy.checkResolved(url.host());
                return url.pinnedTo(addresses.get(0));
            }
            return url.forTransport();
        } catch (InvalidRepositoryUrlException | DestinationRefusedException e) {
            GitException.Reason reason = e.getMessage().startsWith("unreachable")
                    ? GitException.Reason.UNREACHABLE
                    : GitException.Reason.NOT_ALLOWED;
            throw new GitException(reason, url.redacted() + ": " + e.getMessage(), null);
        }
    }
}
