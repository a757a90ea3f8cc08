package dev.meshgate.analysis.rules.gatewayapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshgate.analysis.rules.values.Elements;
import dev.meshgate.manifest.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * One listener of a Kubernetes Gateway.
 *
 * @param hostname the listener's hostname, empty when it accepts every host
 * @param pointer the JSON pointer of the listener
 */
record Listener(String name, String hostname, int port, String protocol, JsonNode body, String pointer) {

    /** The listeners of a Gateway, in order. */
    static List<Listener> of(Resource gateway) {
        List<Listener> listeners = new ArrayList<>();
        Elements.each(
                gateway.at("/spec/listeners"),
                "/spec/listeners",
                (listener, pointer) -> listeners.add(new Listener(
                        listener.path("name").asText(""),
                        listener.path("hostname").asText(""),
                        listener.path("port").asInt(0),
                        listener.path("protocol").asText(""),
                        listener,
                        pointer)));
        return listeners;
    }

    /** Whether both take the same port, protocol and hostname, which no two listeners of one Gateway may. */
    boolean sameAs(Listener other) {
        return port == other.port && protocol.equals(other.protocol) && hostname.equals(other.hostname);
    }

    /** The hostname as findings print it. */
    String shownHostname() {
        return hostname.isEmpty() ? "* (none set)" : hostname;
    }
}
