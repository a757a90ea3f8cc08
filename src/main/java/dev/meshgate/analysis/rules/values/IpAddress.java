package dev.meshgate.analysis.rules.values;

/** IP address literals as Go's netip.ParseAddr reads them (Istio's IsValidIPAddress): IPv4, IPv6, IPv6 with a zone. */
public final class IpAddress {

    private IpAddress() {}

    /** Whether the text is one IPv4 or IPv6 address (no CIDR suffix, no port). */
    public static boolean valid(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        return text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text, 0, text.length());
    }

    /** Four decimal fields of 0..255, without leading zeros. */
    private static boolean ipv4(String text, int start, int end) {
        int fields = 0;
        int fieldStart = start;
        for (int i = start; i <= end; i++) {
            if (i < end && text.charAt(i) != '.') {
                char c = text.charAt(i);
                if (c < '0' || c > '9' || i - fieldStart >= 3) {
                    return false;
                }
                continue;
            }
            int length = i - fieldStart;
            if (length == 0 || (length > 1 && text.charAt(fieldStart) == '0')) {
                return false;
            }
            if (Integer.parseInt(text.substring(fieldStart, i)) > 255) {
                return false;
            }
            fields++;
            fieldStart = i + 1;
        }
        return fields == 4;
    }

    /** Eight groups of one to four hex digits, "::" for one run of zero groups, an IPv4 tail, a "%zone". */
    private static boolean ipv6(String text) {
        int end = text.length();
        int zone = text.indexOf('%');
        if (zone >= 0) {
            if (zone == end - 1) {
                return false;
            }
            end = zone;
        }
        int groups = 0;
        boolean compressed = false;
        int i = 0;
        if (text.startsWith("::")) {
            compressed = true;
            i = 2;
        } else if (text.startsWith(":")) {
            return false;
        }
        while (i < end) {
            int groupStart = i;
            while (i < end && Character.digit(text.charAt(i), 16) >= 0 && text.charAt(i) < 128) {
                i++;
            }
            if (i < end && text.charAt(i) == '.') {
                // an IPv4 tail takes the last two groups
                if (!ipv4(text, groupStart, end)) {
                    return false;
                }
                groups += 2;
                i = end;
                break;
            }
            int length = i - groupStart;
            if (length == 0 || length > 4) {
                return false;
            }
            groups++;
            if (i == end) {
                break;
            }
            if (text.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < end && text.charAt(i) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
            } else if (i == end) {
                return false; // a single trailing colon
            }
        }
        return compressed ? groups < 8 : groups == 8;
    }
}
