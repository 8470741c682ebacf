package dev.newsroom.indexer.internal;

import dev.newsroom.indexer.IndexerConfig;
import dev.newsroom.model.config.KafkaConnection;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The Kafka client properties of the indexer, derived in one place. */
public final class KafkaSettings {
    /** Bytes per record assumed when asking the broker to wait for a full batch. */
    static final long ASSUMED_RECORD_BYTES = 1024;
    /**
     * Half of the default {@code max.partition.fetch.bytes} (1 MiB): a fetch from one busy
     * partition can always satisfy it. Above that, a one-partition backlog is read at one fetch
     * per {@code fetch.max.wait.ms} (measured on the embedded cluster, batch size 2000: 507
     * articles/s with a 2 MB minimum, 4,254 with this one).
     */
    static final long MAX_FETCH_MIN_BYTES = 512L << 10;

    private KafkaSettings() {}

    /**
     * The consumer: bytes in (decoded by the indexer, so that a bad record becomes a dead letter
     * and not a poll failure), offsets committed by the indexer only, transactions of the streams
     * stage honoured ({@code read_committed}), at most one batch per poll. The broker holds a fetch
     * until about a batch of data is there or the flush interval has passed.
     */
    public static Properties consumer(KafkaConnection kafka, IndexerConfig config) {
        Properties props = new Properties();
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
                Long.toString(Math.min(config.batchSize() * ASSUMED_RECORD_BYTES, MAX_FETCH_MIN_BYTES)));
        props.putAll(kafka.baseProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(config.batchSize()));
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, Long.toString(config.flushInterval().toMillis()));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    /**
     * The dead-letter producer: every letter acknowledged by all in-sync replicas, no duplicates
     * from retries ({@link KafkaConnection#producerProperties(String)}), named after the group.
     */
    public static Properties deadLetterProducer(KafkaConnection kafka, IndexerConfig config) {
        return kafka.producerProperties(config.groupId() + "-dlq");
    }
}
