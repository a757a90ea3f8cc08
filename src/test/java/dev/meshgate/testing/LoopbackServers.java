package dev.meshgate.testing;

import dev.meshgate.revision.OutboundPolicy;
import java.util.List;

/** The outbound policy of tests whose git servers listen on loopback: listed explicitly, since the default refuses it. */
public final class LoopbackServers {

    private LoopbackServers() {}

    /** Loopback by address, over git, ssh, https and (for git http-backend) plain http. */
    public static OutboundPolicy policy() {
        return OutboundPolicy.allowing(List.of("127.0.0.1")).allowingHttp(true);
    }
}
