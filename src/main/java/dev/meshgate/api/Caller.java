package dev.meshgate.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Where a request comes from, as far as the API's access rules care. */
final class Caller {

    private static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

    private Caller() {}

    /**
     * Whether the request was made on this machine: from a loopback address, and not relayed by a proxy on this
     * machine (which adds forwarding headers), since then the real caller is elsewhere.
     */
    static boolean isLoopback(HttpServerRequest request) {
        if (FORWARDING_HEADERS.stream().anyMatch(header -> request.getHeader(header) != null)) {
            return false;
        }
        SocketAddress remote = request.remoteAddress();
        if (remote == null || remote.hostAddress() == null) {
            return false;
        }
        try {
            return InetAddress.getByName(remote.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
