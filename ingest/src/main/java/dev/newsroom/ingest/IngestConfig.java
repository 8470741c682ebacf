package dev.newsroom.ingest;

import dev.newsroom.ingest.internal.AddressGuard;
import dev.newsroom.ingest.internal.Human;
import dev.newsroom.model.config.ConfigException;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.config.Setting;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Configuration of the ingest service, validated when built. Each setting is read from the command
 * line, {@code NEWSROOM_*} environment variables or the config file by {@link #from(ConfigSource)}.
 *
 * @param pollInterval         how often each feed is polled; {@value #POLL_INTERVAL_DOC}
 * @param fetchTimeout         the whole-response deadline of one fetch; {@value #FETCH_TIMEOUT_DOC}
 * @param fetchMaxBytes        the body cap of one fetch, before and after decompression; {@value #FETCH_MAX_BYTES_DOC}
 * @param fetchConcurrency     how many fetches run at once; {@value #FETCH_CONCURRENCY_DOC}
 * @param allowPrivateNetworks whether feeds on loopback or private addresses may be fetched; default false
 * @param groupId              the Kafka consumer group that splits the feeds among ingest instances;
 *                             default {@code newsroom-ingest}
 * @param hostInterval         the least time between two requests to one host; {@value #HOST_INTERVAL_DOC}
 * @param allowedNetworks      private networks (CIDR) whose feeds may be fetched although
 *                             {@code allowPrivateNetworks} is false; default none
 */
public record IngestConfig(Duration pollInterval, Duration fetchTimeout, long fetchMaxBytes, int fetchConcurrency,
                           boolean allowPrivateNetworks, String groupId, Duration hostInterval, List<String> allowedNetworks) {

    static final String POLL_INTERVAL_DOC = "default 5m, from 10s to 24h";
    static final String FETCH_TIMEOUT_DOC = "default 20s, from 1s to 5m";
    static final String FETCH_MAX_BYTES_DOC = "default 10m, from 64k to 100m";
    static final String FETCH_CONCURRENCY_DOC = "default 8, from 1 to 64";
    static final String HOST_INTERVAL_DOC = "default 1s, from 0s to 1m";

    private static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(10);
    private static final Duration MAX_POLL_INTERVAL = Duration.ofHours(24);
    private static final Duration MIN_FETCH_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration MAX_FETCH_TIMEOUT = Duration.ofMinutes(5);
    private static final long MIN_FETCH_MAX_BYTES = 64L << 10;
    private static final long MAX_FETCH_MAX_BYTES = 100L << 20;
    private static final int MIN_FETCH_CONCURRENCY = 1;
    private static final int MAX_FETCH_CONCURRENCY = 64;

    /** {@code poll.interval}: how often each feed is polled (default 5m, 10s to 24h). */
    public static final Setting<Duration> POLL_INTERVAL = Setting.duration("poll.interval", Duration.ofMinutes(5),
            MIN_POLL_INTERVAL, MAX_POLL_INTERVAL, "How often each feed is polled.");
    /** {@code fetch.timeout}: deadline for a whole response, body included (default 20s, 1s to 5m). */
    public static final Setting<Duration> FETCH_TIMEOUT = Setting.duration("fetch.timeout", Duration.ofSeconds(20),
            MIN_FETCH_TIMEOUT, MAX_FETCH_TIMEOUT, "Deadline for a whole feed response, redirects and body included.");
    /** {@code fetch.max-bytes}: body cap, as received and decompressed (default 10m, 64k to 100m). */
    public static final Setting<Long> FETCH_MAX_BYTES = Setting.bytes("fetch.max-bytes", 10L << 20,
            MIN_FETCH_MAX_BYTES, MAX_FETCH_MAX_BYTES, "Largest feed body read, as received and after decompression.");
    /** {@code fetch.concurrency}: fetches at once per ingest instance (default 8, 1 to 64). */
    public static final Setting<Integer> FETCH_CONCURRENCY = Setting.integer("fetch.concurrency", 8,
            MIN_FETCH_CONCURRENCY, MAX_FETCH_CONCURRENCY, "How many feeds one ingest instance fetches at once.");
    /** {@code allow-private-networks}: fetch feeds on loopback and private addresses (default false). */
    public static final Setting<Boolean> ALLOW_PRIVATE_NETWORKS = Setting.bool("allow-private-networks", false,
            "Allow feeds on loopback, private and link-local addresses (off for a public poller).");
    /** {@code ingest.group-id}: consumer group of the ingest instances (default newsroom-ingest). */
    public static final Setting<String> GROUP_ID = Setting.string("ingest.group-id", "newsroom-ingest",
            "Kafka consumer group in which ingest instances share the feeds.");

    /** {@code fetch.host-interval}: least time between two requests to one host (default 1s, 0s to 1m). */
    public static final Setting<Duration> HOST_INTERVAL = Setting.duration("fetch.host-interval", Duration.ofSeconds(1),
            Duration.ZERO, Duration.ofMinutes(1), "Least time between the end of one request to a host and the start of the next.");

    /** Settings with the default host interval (1 s). */
    public IngestConfig(Duration pollInterval, Duration fetchTimeout, long fetchMaxBytes, int fetchConcurrency,
                        boolean allowPrivateNetworks, String groupId) {
        this(pollInterval, fetchTimeout, fetchMaxBytes, fetchConcurrency, allowPrivateNetworks, groupId, Duration.ofSeconds(1), List.of());
    }

    /** {@code fetch.allowed-networks}: comma-separated private networks (CIDR) whose feeds may be fetched (default none). */
    public static final Setting<String> ALLOWED_NETWORKS = Setting.string("fetch.allowed-networks", "",
            "Comma-separated private networks in CIDR notation (e.g. 10.20.0.0/16) whose feeds may be fetched.");

    public IngestConfig {
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
        for (String network : allowedNetworks) {
            try {
                AddressGuard.Network.parse(network);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("Invalid value '" + network + "' for " + ALLOWED_NETWORKS.key() + ": " + e.getMessage());
            }
        }
        checkRange(HOST_INTERVAL, hostInterval, Duration.ZERO, Duration.ofMinutes(1));
        checkRange(POLL_INTERVAL, pollInterval, MIN_POLL_INTERVAL, MAX_POLL_INTERVAL);
        checkRange(FETCH_TIMEOUT, fetchTimeout, MIN_FETCH_TIMEOUT, MAX_FETCH_TIMEOUT);
        if (fetchMaxBytes < MIN_FETCH_MAX_BYTES || fetchMaxBytes > MAX_FETCH_MAX_BYTES) {
            throw invalid(FETCH_MAX_BYTES, Human.bytes(fetchMaxBytes));
        }
        if (fetchConcurrency < MIN_FETCH_CONCURRENCY || fetchConcurrency > MAX_FETCH_CONCURRENCY) {
            throw invalid(FETCH_CONCURRENCY, String.valueOf(fetchConcurrency));
        }
        if (groupId == null || groupId.isBlank()) {
            throw new ConfigException("Missing value for " + GROUP_ID.key() + ": expected a consumer group id");
        }
    }

    /** Every setting at its default. */
    public static IngestConfig defaults() {
        return from(ConfigSource.ofFlags(java.util.Map.of()));
    }

    /** Reads every setting from the source, which applies flags, environment, file and defaults in that order. */
    public static IngestConfig from(ConfigSource source) {
        return new IngestConfig(source.get(POLL_INTERVAL), source.get(FETCH_TIMEOUT), source.get(FETCH_MAX_BYTES),
                source.get(FETCH_CONCURRENCY), source.get(ALLOW_PRIVATE_NETWORKS), source.get(GROUP_ID), source.get(HOST_INTERVAL),
                Arrays.stream(source.get(ALLOWED_NETWORKS).split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList());
    }

    /** What {@link FeedFetcher} is made with. */
    public FetchSettings fetchSettings() {
        return FetchSettings.of(fetchTimeout, fetchMaxBytes, allowPrivateNetworks).withAllowedNetworks(allowedNetworks);
    }

    private static void checkRange(Setting<Duration> setting, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw invalid(setting, value == null ? "null" : Human.duration(value));
        }
    }

    private static ConfigException invalid(Setting<?> setting, String value) {
        return new ConfigException("Invalid value '" + value + "' for " + setting.key() + ": expected " + setting.accepted());
    }
}
