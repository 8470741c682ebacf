package dev.newsroom.indexer.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A record as read from Kafka, before it is decoded: where it came from and its original bytes,
 * which are what a dead letter keeps.
 */
public record SourceRecord(TopicPartition partition, long offset, byte[] key, byte[] value) {

    public static SourceRecord of(ConsumerRecord<byte[], byte[]> record) {
        return new SourceRecord(new TopicPartition(record.topic(), record.partition()), record.offset(), record.key(), record.value());
    }

    public String topic() {
        return partition.topic();
    }

    /** {@code topic/partition@offset}, for log lines. */
    public String where() {
        return partition.topic() + "/" + partition.partition() + "@" + offset;
    }
}
