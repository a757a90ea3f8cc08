package dev.meshgate.analysis.rules.values;

/** An IP address or a CIDR block (Istio's ValidateIPSubnet): an address, optionally "/" and a prefix length. */
public final class IpBlock {

    private static final int IPV4_BITS = 32;
    private static final int IPV6_BITS = 128;

    private IpBlock() {}

    /** Whether the text is an IP address or an address with a prefix length that fits its family. */
    public static boolean valid(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return IpAddress.valid(text);
        }
        String address = text.substring(0, slash);
        String prefix = text.substring(slash + 1);
        if (!IpAddress.valid(address) || address.indexOf('%') >= 0 || !prefix.matches("\\d{1,3}")) {
            return false;
        }
        int bits = Integer.parseInt(prefix);
        return bits <= (address.indexOf(':') >= 0 ? IPV6_BITS : IPV4_BITS);
    }

    /** Whether the text is written as a CIDR block (holds a prefix length). */
    public static boolean isCidr(String text) {
        return text.indexOf('/') >= 0;
    }
}
