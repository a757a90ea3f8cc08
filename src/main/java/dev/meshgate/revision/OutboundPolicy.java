package dev.meshgate.revision;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where meshgate may fetch from and push to: which URLs are server URLs at all (https, ssh, git; plain http only
 * when allowed), which hosts they may name, and which addresses a connection may reach. Loopback, link-local,
 * unique-local and private addresses are refused unless an entry names that host exactly or covers the address.
 *
 * <p>Entries are host names ({@code github.com}), domains ({@code *.corp.example}), {@code *} for any host, IP
 * addresses and CIDR ranges ({@code 10.0.0.0/8}).
 */
public final class OutboundPolicy {

    private static final Set<String> SERVER_SCHEMES = Set.of("https", "ssh", "git", "git+ssh", "ssh+git");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<String> entries;
    private final boolean allowHttp;

    private OutboundPolicy(List<String> entries, boolean allowHttp) {
        this.entries = entries;
        this.allowHttp = allowHttp;
    }

    /** Allows the hosts and ranges the entries name, over https, ssh and git. */
    public static OutboundPolicy allowing(Collection<String> entries) {
        return new OutboundPolicy(
                entries.stream()
                        .map(entry -> entry.strip().toLowerCase(Locale.ROOT))
                        .filter(entry -> !entry.isEmpty())
                        .distinct()
                        .toList(),
                false);
    }

    /** Also allows plain http, which sends tokens in the clear: for servers on a trusted network and for tests. */
    public OutboundPolicy allowingHttp(boolean allowed) {
        return new OutboundPolicy(entries, allowed);
    }

    /** The entries, as configured (lower case). */
    public List<String> entries() {
        return entries;
    }

    /**
     * Refuses what is not a server URL this policy lets meshgate fetch from; the message says why and never repeats
     * the URL's credentials.
     */
    public RepositoryUrl checkServerUrl(String text) throws InvalidRepositoryUrlException {
        RepositoryUrl url = RepositoryUrl.parse(text);
        checkServerUrl(url);
        return url;
    }

    /** As {@link #checkServerUrl(String)}, for a URL already parsed. */
    public void checkServerUrl(RepositoryUrl url) throws InvalidRepositoryUrlException {
        String scheme = url.scheme();
        if (scheme.isEmpty() && url.host().isEmpty()) {
            throw new InvalidRepositoryUrlException(
                    "a path on meshgate's disk is not a server URL; use https, ssh or git");
        }
        if (scheme.isEmpty() && !url.hasUser()) {
            throw new InvalidRepositoryUrlException(
                    "not a server URL: an scp-like URL names its user (git@host:path); use https, ssh or git");
        }
        if (scheme.equals("http") && !allowHttp) {
            throw new InvalidRepositoryUrlException(
                    "plain http is refused (it would send credentials in the clear); use https");
        }
        if (!scheme.isEmpty() && !scheme.equals("http") && !SERVER_SCHEMES.contains(scheme)) {
            throw new InvalidRepositoryUrlException(
                    "the scheme '" + scheme + ":' is not one meshgate fetches from; use https, ssh or git");
        }
        if (url.host().isEmpty()) {
            throw new InvalidRepositoryUrlException("the URL names no host; use https, ssh or git");
        }
        if (url.hasCredentials()) {
            throw new InvalidRepositoryUrlException("the repository URL carries credentials; configure a token for"
                    + " its host (meshgate.git.hosts) instead");
        }
        try {
            checkHost(url.host());
        } catch (DestinationRefusedException e) {
            throw new InvalidRepositoryUrlException(e.getMessage());
        }
    }

    /** Refuses a host name no entry allows. */
    public void checkHost(String host) throws DestinationRefusedException {
        String name = bare(host);
        if (entries.stream().noneMatch(entry -> nameMatches(entry, name))) {
            throw new DestinationRefusedException("not allowed: " + name
                    + " is not in meshgate.git.allowed-hosts (by default the hosts of the configured forges and git"
                    + " credentials)");
        }
    }

    /** Resolves a host and checks every address it has, as a connection is about to be made to one of them. */
    public List<InetAddress> checkResolved(String host) throws DestinationRefusedException {
        String name = bare(host);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            throw new DestinationRefusedException("unreachable: the host " + name + " is unknown");
        }
        for (InetAddress address : addresses) {
            checkAddress(name, address);
        }
        return List.of(addresses);
    }

    /** Refuses a connection to a special-purpose address (loopback, private, ...) unless an entry allows it. */
    public void checkAddress(String host, InetAddress address) throws DestinationRefusedException {
        Optional<String> kind = specialKind(address);
        if (kind.isEmpty()) {
            return;
        }
        String name = bare(host);
        boolean listed = entries.stream()
                .anyMatch(entry -> entry.equals(name) && !entry.contains("*") || covers(entry, address));
        if (!listed) {
            throw new DestinationRefusedException("not allowed: " + name + " resolves to a " + kind.get()
                    + " address; list the host or its address range in meshgate.git.allowed-hosts to allow it");
        }
    }

    /** What kind of special-purpose address this is, if it is one. */
    static Optional<String> specialKind(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc) {
            return Optional.of("unique-local");
        }
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            if (first == 0) {
                return Optional.of("unspecified");
            }
            if (first == 100 && second >= 64 && second < 128) {
                return Optional.of("shared (carrier-grade NAT)");
            }
            if (first >= 240) {
                return Optional.of("reserved");
            }
        }
        return Optional.empty();
    }

    private static boolean nameMatches(String entry, String host) {
        if (entry.equals("*") || entry.equals(host)) {
            return true;
        }
        if (entry.startsWith("*.")) {
            return host.endsWith(entry.substring(1));
        }
        return isLiteral(host)
                && literal(host).map(address -> covers(entry, address)).orElse(false);
    }

    /** Whether an IP or CIDR entry holds the address; host-name entries hold none. */
    private static boolean covers(String entry, InetAddress address) {
        int slash = entry.indexOf('/');
        String base = slash < 0 ? entry : entry.substring(0, slash);
        Optional<InetAddress> network = literal(base);
        if (network.isEmpty()) {
            return false;
        }
        byte[] net = network.get().getAddress();
        byte[] candidate = address.getAddress();
        if (net.length != candidate.length) {
            return false;
        }
        int bits;
        try {
            bits = slash < 0 ? net.length * 8 : Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        for (int i = 0; i < net.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((net[i] & mask) != (candidate[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLiteral(String text) {
        return IPV4.matcher(text).matches() || text.contains(":");
    }

    /** An IP literal as an address, without asking DNS; empty for names. */
    private static Optional<InetAddress> literal(String text) {
        if (!isLiteral(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String bare(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }
}
