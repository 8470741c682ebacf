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
 * @param batchSize       most records written by one {@code _bulk} request (one poll). Key
 *                        {@code indexer.batch-size}, 1 to 10000, default 500.
 * @param flushInterval   longest a record waits in Kafka for its batch to fill before it is
 *                        fetched and written. Key {@code indexer.flush-interval}, 10ms to 10s, default 1s.
 * @param maxRetryBackoff longest pause between two attempts to write what Elasticsearch could not
 *                        take yet (the pause doubles from 100ms up to this). Key
 *                        {@code indexer.max-retry-backoff}, 100ms to 10m, default 30s.
 * @param shards          primary shards of each index the indexer creates. Key {@code index.shards},
 *                        1 to 1024, default 1.
 * @param replicas        replicas of each index the indexer creates. Key {@code index.replicas},
 *                        0 to 16, default 0 (right for the one-node embedded runtime).
 */
public record IndexerConfig(
        String groupId,
        int batchSize,
        Duration flushInterval,
        Duration maxRetryBackoff,
        int shards,
        int replicas) {

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
    }

    /** Every setting at its default. */
    public static IndexerConfig defaults() {
        return from(ConfigSource.ofFlags(java.util.Map.of()));
    }

    /** Reads every setting from flags, environment, file and defaults, in that order. */
    public static IndexerConfig from(ConfigSource config) {
        return new IndexerConfig(config.get(GROUP_ID), config.get(BATCH_SIZE), config.get(FLUSH_INTERVAL),
                config.get(MAX_RETRY_BACKOFF), config.get(SHARDS), config.get(REPLICAS));
    }

    /** This config with another consumer group; for tests and tools that must not share offsets. */
    public IndexerConfig withGroupId(String otherGroupId) {
        return new IndexerConfig(otherGroupId, batchSize, flushInterval, maxRetryBackoff, shards, replicas);
    }

    private static void check(boolean ok, Setting<?> setting, Object value) {
        if (!ok) {
            throw new ConfigException("Invalid value '" + value + "' for " + setting.key() + ": expected " + setting.accepted());
        }
    }
}
