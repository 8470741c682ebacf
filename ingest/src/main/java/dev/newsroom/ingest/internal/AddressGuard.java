package dev.newsroom.ingest.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps a public poller away from the machine it runs on and from its network: a feed URL given by
 * a user must not make ingest read {@code http://127.0.0.1:9200/} or a cloud metadata endpoint.
 * Every address a host name resolves to must be public.
 */
public final class AddressGuard {
    private AddressGuard() {}

    /**
     * Resolves the host and returns why it is refused, or empty when all its addresses are public.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    public static Optional<String> refusal(String host) throws UnknownHostException {
        for (InetAddress address : InetAddress.getAllByName(host)) {
            if (!isPublic(address)) {
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
