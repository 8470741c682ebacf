package dev.newsroom.ingest.support;

import dev.newsroom.model.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads every partition of one topic from the start, without a group, committed records only, and keeps the values it read. */
public final class TopicRecorder<K, V> implements AutoCloseable {
    private final Topic<K, V> topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<V> values = new ArrayList<>();

    public TopicRecorder(String bootstrapServers, Topic<K, V> topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything read so far, after reading what has arrived. */
    public List<V> values() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            values.add(topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
        }
        return List.copyOf(values);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
