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

    /** Whether the address is on the public internet: not loopback, private, link-local, CGNAT, multicast or reserved. */
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
            boolean mappedOrCompatible = isZero(b, 0, 10) && (b[10] & b[11] & 0xff) == 0xff; // ::ffff:a.b.c.d
            if (mappedOrCompatible) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return !uniqueLocal;
        }
        return false;
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
