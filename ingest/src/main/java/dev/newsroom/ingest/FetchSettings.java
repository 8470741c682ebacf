package dev.newsroom.ingest;

import dev.newsroom.ingest.internal.AddressGuard;
import dev.newsroom.ingest.internal.Human;
import java.time.Duration;
import java.util.List;

/**
 * How {@link FeedFetcher} talks to feed servers.
 *
 * @param connectTimeout        how long to wait for a TCP (and TLS) connection; positive and at most
 *                              {@code timeout}
 * @param timeout               the whole-response deadline: DNS, connect, redirects, headers and the
 *                              whole body must arrive within it; positive
 * @param maxBytes              the cap on the body, both as received and after decompression; positive
 * @param allowPrivateNetworks  whether feeds may live on loopback, private, link-local or other
 *                              non-public addresses; false for a public poller
 * @param allowedNetworks       private networks allowed even when {@code allowPrivateNetworks} is false
 *                              (intranet feeds), in CIDR notation; empty by default
 */
public record FetchSettings(Duration connectTimeout, Duration timeout, long maxBytes, boolean allowPrivateNetworks,
                            List<String> allowedNetworks) {
    /** The default deadline for a whole response: 20 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    /** The default connect timeout: 10 seconds, or the deadline when that is shorter. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default body cap: 10 MiB. */
    public static final long DEFAULT_MAX_BYTES = 10L << 20;

    /** Settings without an allow-list. */
    public FetchSettings(Duration connectTimeout, Duration timeout, long maxBytes, boolean allowPrivateNetworks) {
        this(connectTimeout, timeout, maxBytes, allowPrivateNetworks, List.of());
    }

    public FetchSettings {
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
        allowedNetworks.forEach(AddressGuard.Network::parse);
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be a positive duration, was " + connectTimeout);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be a positive duration, was " + timeout);
        }
        if (connectTimeout.compareTo(timeout) > 0) {
            throw new IllegalArgumentException("connectTimeout (" + Human.duration(connectTimeout)
                    + ") must not be longer than timeout (" + Human.duration(timeout) + ")");
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
    }

    /** 20 s deadline, 10 s connect timeout, 10 MiB cap, public addresses only. */
    public static FetchSettings defaults() {
        return of(DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES, false);
    }

    /** Settings with the given deadline and cap; the connect timeout is 10 s or the deadline if shorter. */
    public static FetchSettings of(Duration timeout, long maxBytes, boolean allowPrivateNetworks) {
        Duration connect = timeout != null && timeout.compareTo(DEFAULT_CONNECT_TIMEOUT) < 0 ? timeout : DEFAULT_CONNECT_TIMEOUT;
        return new FetchSettings(connect, timeout, maxBytes, allowPrivateNetworks);
    }

    /** A copy that allows (or refuses) private addresses. */
    public FetchSettings withAllowPrivateNetworks(boolean allow) {
        return new FetchSettings(connectTimeout, timeout, maxBytes, allow, allowedNetworks);
    }

    /** A copy that allows these private networks (CIDR notation). */
    public FetchSettings withAllowedNetworks(List<String> networks) {
        return new FetchSettings(connectTimeout, timeout, maxBytes, allowPrivateNetworks, networks);
    }

    /** The allow-list, parsed. */
    public List<AddressGuard.Network> networks() {
        return allowedNetworks.stream().map(AddressGuard.Network::parse).toList();
    }
}
