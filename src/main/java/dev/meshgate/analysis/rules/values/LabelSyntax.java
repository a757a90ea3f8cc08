package dev.meshgate.analysis.rules.values;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes label keys and values as Istio's webhook reads them (pkg/config/labels), and the DNS label that port
 * names must be.
 */
public final class LabelSyntax {

    private static final String DNS_LABEL = "[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?";
    private static final String NAME = "(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final Pattern KEY = Pattern.compile("(" + DNS_LABEL + "(?:\\." + DNS_LABEL + ")*/)?" + NAME);
    private static final Pattern VALUE = Pattern.compile("(" + NAME + ")?");
    private static final Pattern PORT_NAME = Pattern.compile(DNS_LABEL);
    private static final int MAX_NAME = 63;

    private LabelSyntax() {}

    /** Why the key and value are not a label Istio accepts, or empty. */
    public static Optional<String> problem(String key, String value) {
        if (!KEY.matcher(key).matches()) {
            return Optional.of("the key is not a label key (an optional DNS prefix and '/', then letters, digits, "
                    + "'-', '_' or '.', starting and ending with a letter or digit)");
        }
        if (!VALUE.matcher(value).matches()) {
            return Optional.of("the value '" + value + "' holds characters a label value cannot have");
        }
        return Optional.empty();
    }

    /** Whether the text is a port name: a DNS label (letters of either case, digits, inner '-') of at most 63. */
    public static boolean portName(String text) {
        return text.length() <= MAX_NAME && PORT_NAME.matcher(text).matches();
    }
}
