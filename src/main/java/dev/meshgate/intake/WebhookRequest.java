package dev.meshgate.intake;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One webhook delivery as it arrived: its headers (names case-insensitive) and the exact bytes of its body. */
public record WebhookRequest(Map<String, String> headers, byte[] body) {

    public WebhookRequest {
        Map<String, String> lowerCased = new TreeMap<>();
        headers.forEach((name, value) -> lowerCased.put(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lowerCased);
    }

    /** The header's value, or null when the delivery has none. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The first of these headers the delivery has, or null. */
    public String firstHeader(String... names) {
        for (String name : names) {
            String value = header(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
