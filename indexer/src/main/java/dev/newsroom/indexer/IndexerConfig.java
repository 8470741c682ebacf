package dev.newsroom.indexer;

import dev.newsroom.model.config.ConfigException;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.config.Setting;
import java.time.Duration;

/**
 * The settings of one indexer process, validated when built.
 *
 * @param groupId         Kafka consumer group; instances with the same group share the partitions.
 *                        Key {@code indexer.group-id}, default {@code newsroom-indexer}.
 * @param batchSize       most records per poll and most operations per {@code _bulk} request. Key
 *                        {@code indexer.batch-size}, 1 to 10000, default 500.
 * @param flushInterval   longest a record waits for its bulk request to fill before it is sent.
 *                        Key {@code indexer.flush-interval}, 10ms to 10s, default 1s.
 * @param maxRetryBackoff longest pause between two attempts to write what Elasticsearch could not
 *                        take yet (the pause doubles from 100ms up to this). Key
 *                        {@code indexer.max-retry-backoff}, 100ms to 10m, default 30s.
 * @param shards          primary shards of each index the indexer creates. Key {@code index.shards},
 *                        1 to 1024, default 1.
 * @param replicas        replicas of each index the indexer creates. Key {@code index.replicas},
 *                        0 to 16, default 0 (right for the one-node embedded runtime).
 * @param bulkMaxBytes    most bytes of operations per {@code _bulk} request. Key
 *                        {@code indexer.bulk-max-bytes}, 64kb to 100mb, default 5mb.
 * @param concurrentRequests most {@code _bulk} requests in flight at once; the poll thread waits
 *                        when they are all busy. Key {@code indexer.concurrent-requests}, 1 to 16,
 *                        default 2.
 */
public record IndexerConfig(
        String groupId,
        int batchSize,
        Duration flushInterval,
        Duration maxRetryBackoff,
        int shards,
        int replicas,
        long bulkMaxBytes,
        int concurrentRequests) {

    public static final Setting<String> GROUP_ID = Setting.string(
            "indexer.group-id", "newsroom-indexer", "Kafka consumer group of the indexer.");
    public static final Setting<Integer> BATCH_SIZE = Setting.integer(
            "indexer.batch-size", 500, 1, 10_000, "Most records written by one _bulk request.");
    public static final Setting<Duration> FLUSH_INTERVAL = Setting.duration(
            "indexer.flush-interval", Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofSeconds(10),
            "Longest a record waits for its batch to fill before it is written.");
    public static final Setting<Duration> MAX_RETRY_BACKOFF = Setting.duration(
            "indexer.max-retry-backoff", Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMinutes(10),
            "Longest pause between two attempts to write what Elasticsearch could not take yet.");
    public static final Setting<Integer> SHARDS = Setting.integer(
            "index.shards", 1, 1, 1024, "Primary shards of each index the indexer creates.");
    public static final Setting<Integer> REPLICAS = Setting.integer(
            "index.replicas", 0, 0, 16, "Replicas of each index the indexer creates.");

    public static final Setting<Long> BULK_MAX_BYTES = Setting.bytes(
            "indexer.bulk-max-bytes", 5L << 20, 64L << 10, 100L << 20, "Most bytes of operations per _bulk request.");
    public static final Setting<Integer> CONCURRENT_REQUESTS = Setting.integer(
            "indexer.concurrent-requests", 2, 1, 16, "Most _bulk requests in flight at once.");

    public IndexerConfig {
        if (groupId == null || groupId.isBlank()) {
            throw new ConfigException("Invalid value for " + GROUP_ID.key() + ": expected a non-blank consumer group name");
        }
        check(batchSize >= 1 && batchSize <= 10_000, BATCH_SIZE, batchSize);
        check(flushInterval != null && flushInterval.compareTo(Duration.ofMillis(10)) >= 0
                && flushInterval.compareTo(Duration.ofSeconds(10)) <= 0, FLUSH_INTERVAL, flushInterval);
        check(maxRetryBackoff != null && maxRetryBackoff.compareTo(Duration.ofMillis(100)) >= 0
                && maxRetryBackoff.compareTo(Duration.ofMinutes(10)) <= 0, MAX_RETRY_BACKOFF, maxRetryBackoff);
        check(shards >= 1 && shards <= 1024, SHARDS, shards);
        check(replicas >= 0 && replicas <= 16, REPLICAS, replicas);
        check(bulkMaxBytes >= 64L << 10 && bulkMaxBytes <= 100L << 20, BULK_MAX_BYTES, bulkMaxBytes);
        check(concurrentRequests >= 1 && concurrentRequests <= 16, CONCURRENT_REQUESTS, concurrentRequests);
    }

    /** A config with the default request size (5 MiB) and concurrency (2). */
    public IndexerConfig(String groupId, int batchSize, Duration flushInterval, Duration maxRetryBackoff, int shards, int replicas) {
        this(groupId, batchSize, flushInterval, maxRetryBackoff, shards, replicas, BULK_MAX_BYTES.defaultValue(),
                CONCURRENT_REQUESTS.defaultValue());
    }

    /** Every setting at its default. */
    public static IndexerConfig defaults() {
        return from(ConfigSource.ofFlags(java.util.Map.of()));
    }

    /** Reads every setting from flags, environment, file and defaults, in that order. */
    public static IndexerConfig from(ConfigSource config) {
        return new IndexerConfig(config.get(GROUP_ID), config.get(BATCH_SIZE), config.get(FLUSH_INTERVAL),
                config.get(MAX_RETRY_BACKOFF), config.get(SHARDS), config.get(REPLICAS), config.get(BULK_MAX_BYTES),
                config.get(CONCURRENT_REQUESTS));
    }

    /** This config with another consumer group; for tests and tools that must not share offsets. */
    public IndexerConfig withGroupId(String otherGroupId) {
        return new IndexerConfig(otherGroupId, batchSize, flushInterval, maxRetryBackoff, shards, replicas, bulkMaxBytes,
                concurrentRequests);
    }

    private static void check(boolean ok, Setting<?> setting, Object value) {
        if (!ok) {
            throw new ConfigException("Invalid value '" + value + "' for " + setting.key() + ": expected " + setting.accepted());
        }
    }
}
