package dev.newsroom.ingest.internal;

import dev.newsroom.model.Topic;
import dev.newsroom.model.config.KafkaConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads partitions of a topic from the start (or from a time) up to their end as it is when the read
 * begins, without a consumer group and with {@code read_committed}, so records of aborted or open
 * transactions are not seen. Used to fold the compacted feeds and feed-state topics into maps.
 */
public final class TopicSnapshot {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSnapshot.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private TopicSnapshot() {}

    /** The latest value of every key of the whole topic, tombstones removing their key; in first-seen order. */
    public static <V> Map<String, V> latest(KafkaConnection kafka, Topic<String, V> topic, Duration timeout) {
        Map<String, V> latest = new LinkedHashMap<>();
        read(kafka, topic, p -> true, null, timeout, (key, value) -> {
            if (key == null) {
                return;
            }
            if (value == null) {
                latest.remove(key);
            } else {
                latest.put(key, value);
            }
        });
        return latest;
    }

    /**
     * Reads the chosen partitions from {@code since} (null: from the start) to their current end.
     *
     * @throws KafkaException when the topic does not exist or the end is not reached within {@code timeout}
     */
    public static <V> void read(KafkaConnection kafka, Topic<String, V> topic, Predicate<Integer> partitions, Instant since,
                                Duration timeout, BiConsumer<String, V> sink) {
        Properties props = kafka.baseProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, timeout.toMillis()));
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            var infos = consumer.partitionsFor(topic.name(), timeout);
            if (infos == null || infos.isEmpty()) {
                throw new KafkaException("Topic " + topic.name() + " does not exist");
            }
            List<TopicPartition> chosen = infos.stream().filter(info -> partitions.test(info.partition()))
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            if (chosen.isEmpty()) {
                return;
            }
            consumer.assign(chosen);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(chosen, timeout));
            if (since == null) {
                consumer.seekToBeginning(chosen);
            } else {
                Map<TopicPartition, Long> times = new HashMap<>();
                chosen.forEach(tp -> times.put(tp, since.toEpochMilli()));
                consumer.offsetsForTimes(times, timeout).forEach((tp, found) -> {
                    if (found == null) {
                        consumer.seek(tp, ends.get(tp));
                    } else {
                        consumer.seek(tp, found.offset());
                    }
                });
            }
            ends.entrySet().removeIf(end -> consumer.position(end.getKey(), timeout) >= end.getValue());
            while (!ends.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaException("Reading topic " + topic.name() + " to its end took longer than " + Human.duration(timeout));
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    String key = topic.keySerde().deserializer().deserialize(topic.name(), record.key());
                    V value;
                    try {
                        value = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
                    } catch (RuntimeException malformed) {
                        LOG.warn("Ignored the malformed record at {}-{} offset {}: {}", record.topic(), record.partition(),
                                record.offset(), malformed.getMessage());
                        continue;
                    }
                    sink.accept(key, value);
                }
                ends.entrySet().removeIf(end -> consumer.position(end.getKey(), timeout) >= end.getValue());
            }
        }
    }
}
