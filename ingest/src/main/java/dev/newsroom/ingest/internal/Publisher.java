package dev.newsroom.ingest.internal;

import dev.newsroom.model.Topic;
import java.time.Duration;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Sends typed records through one byte-array producer, serializing with each {@link Topic}'s serdes. Thread-safe. */
public final class Publisher implements AutoCloseable {
    private final Producer<byte[], byte[]> producer;

    public Publisher(java.util.Properties producerProperties) {
        this.producer = new KafkaProducer<>(producerProperties);
    }

    public <K, V> Future<RecordMetadata> send(Topic<K, V> topic, K key, V value) {
        return send(topic, key, value, null);
    }

    /** Sends like {@link #send(Topic, Object, Object)} and calls {@code callback} on the producer's I/O thread once Kafka acknowledged or refused the record. */
    public <K, V> Future<RecordMetadata> send(Topic<K, V> topic, K key, V value, Callback callback) {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        return producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes), callback);
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
