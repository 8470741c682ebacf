package dev.newsroom.ingest.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a public poller away from the machine it runs on and from its network: a feed URL given by
 * a user must not make ingest read {@code http://127.0.0.1:9200/} or a cloud metadata endpoint.
 * Every address a host name resolves to must be public.
 *
 * <p>The check resolves the name with {@link InetAddress#getAllByName}, and the JDK HTTP client
 * resolves it again when it connects. Both lookups go through the JVM's own cache of name
 * lookups, which keeps an answer for {@code networkaddress.cache.ttl} seconds (30 by default)
 * whatever TTL the DNS record carries, so a rebinding DNS server that answers a public address to
 * the check and a private one to the connection only succeeds if the cached answer expires in the
 * instant between the two. {@code FeedFetcher} closes that window for plain http by connecting to
 * the checked address itself; https needs no pinning, as the certificate check ties the connection
 * to the name (see the ingest README). With a cache lifetime of 0 the two lookups are independent:
 * {@link #dnsCacheSeconds()} tells.
 */
public final class AddressGuard {
    /** The JVM's default lifetime of a cached name lookup, in seconds, when nothing sets it. */
    static final int DEFAULT_DNS_CACHE_SECONDS = 30;

    private AddressGuard() {}

    /**
     * How long the JVM keeps a successful name lookup, in seconds ({@code networkaddress.cache.ttl},
     * else the system property {@code sun.net.inetaddr.ttl}, else 30); -1 is forever, 0 never.
     */
    public static int dnsCacheSeconds() {
        return dnsCacheSeconds(java.security.Security.getProperty("networkaddress.cache.ttl"), System.getProperty("sun.net.inetaddr.ttl"));
    }

    static int dnsCacheSeconds(String securityProperty, String systemProperty) {
        for (String value : new String[] {securityProperty, systemProperty}) {
            if (value != null) {
                try {
                    int seconds = Integer.parseInt(value.strip());
                    return seconds < 0 ? -1 : seconds;
                } catch (NumberFormatException ignored) {
                    // the JDK ignores a value it cannot read, and so do we
                }
            }
        }
        return DEFAULT_DNS_CACHE_SECONDS;
    }

    /**
     * Resolves the host and returns why it is refused, or empty when all its addresses are public.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    public static Optional<String> refusal(String host) throws UnknownHostException {
        return refusal(host, List.of());
    }

    /**
     * Like {@link #refusal(String)}, but addresses inside one of the allowed networks pass.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    public static Optional<String> refusal(String host, List<Network> allowed) throws UnknownHostException {
        return refusal(host, InetAddress.getAllByName(host), allowed);
    }

    /**
     * Like {@link #refusal(String, List)}, for addresses the host was already resolved to: the caller
     * can then connect to the very address that was checked.
     */
    public static Optional<String> refusal(String host, InetAddress[] addresses, List<Network> allowed) {
        for (InetAddress address : addresses) {
            if (!isPublic(address) && allowed.stream().noneMatch(network -> network.contains(address))) {
                String shown = address.getHostAddress();
                String name = host.equals(shown) || ("[" + shown + "]").equals(host) ? "" : " (" + host + ")";
                return Optional.of("refusing private address " + shown + name
                        + "; set allow-private-networks to fetch it");
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the address is on the public internet: not loopback, private, link-local, CGNAT, multicast or reserved,
     * nor an IPv6 form that embeds such an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64 {@code 64:ff9b::/96},
     * 6to4 {@code 2002::/16}); local-use NAT64, unique-local and documentation IPv6 ranges are refused too.
     */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0                                   // 0.0.0.0/8 "this network"
                    && !(first == 100 && second >= 64 && second < 128) // 100.64.0.0/10 carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                    && !(first == 198 && (second == 18 || second == 19))    // 198.18.0.0/15 benchmarking
                    && first < 240;                             // 240.0.0.0/4 reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            boolean uniqueLocal = (first & 0xfe) == 0xfc;       // fc00::/7
            boolean mapped = isZero(b, 0, 10) && (b[10] & b[11] & 0xff) == 0xff;     // ::ffff:a.b.c.d
            boolean compatible = isZero(b, 0, 12);                                  // ::a.b.c.d (deprecated)
            boolean nat64 = first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                    && isZero(b, 4, 12);                                            // 64:ff9b::a.b.c.d (RFC 6052)
            boolean localNat64 = first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                    && b[4] == 0 && b[5] == 1;                                      // 64:ff9b:1::/48 (RFC 8215), local use
            boolean sixToFour = first == 0x20 && b[1] == 0x02;                     // 2002:a.b.c.d::/48
            boolean documentation = first == 0x20 && b[1] == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8; // 2001:db8::/32
            if (mapped || compatible || nat64) {
                return isPublicIpv4(b[12], b[13], b[14], b[15]);
            }
            if (sixToFour) {
                return isPublicIpv4(b[2], b[3], b[4], b[5]);
            }
            return !uniqueLocal && !localNat64 && !documentation;
        }
        return false;
    }

    /**
     * A network in CIDR notation ({@code 10.20.0.0/16}, {@code fd12:3456::/32}, or one address), allowed
     * although it is private: the intranet feeds of a config allow-list.
     */
    public record Network(byte[] prefix, int bits) {
        /**
         * @throws IllegalArgumentException when the text is not an IP address with an optional prefix length
         */
        public static Network parse(String cidr) {
            String text = cidr.strip();
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            if (!address.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("'" + cidr + "' is not a network in CIDR notation (e.g. 10.20.0.0/16)");
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + cidr + "' is not a network in CIDR notation (e.g. 10.20.0.0/16)", e);
            }
            int bits = bytes.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > bytes.length * 8) {
                    throw new IllegalArgumentException("'" + cidr + "' has a prefix length outside 0 to " + bytes.length * 8);
                }
            }
            return new Network(bytes, bits);
        }

        /** Whether the address lies in this network (IPv4 and IPv6 never match each other). */
        public boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != prefix.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((b[i / 8] & mask) != (prefix[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static boolean isPublicIpv4(byte a, byte b, byte c, byte d) {
        try {
            return isPublic(Inet4Address.getByAddress(new byte[] {a, b, c, d}));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
