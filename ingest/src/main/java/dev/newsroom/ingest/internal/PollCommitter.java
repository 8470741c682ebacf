package dev.newsroom.ingest.internal;

import dev.newsroom.model.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;

/**
 * Writes everything one poll produced (articles, dead letters, the feed's new state, its status) in
 * one Kafka transaction: either all of it is committed or none of it is, so a poller that takes a
 * feed over reads a state that matches exactly the articles that were published. One transaction at
 * a time; fetching and parsing stay parallel. Thread-safe.
 */
public final class PollCommitter implements AutoCloseable {
    private final Properties properties;
    private Producer<byte[], byte[]> producer;

    /** One record to write. */
    public record Out(String topic, byte[] key, byte[] value) {
        public static <K, V> Out of(Topic<K, V> topic, K key, V value) {
            return new Out(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                    topic.valueSerde().serializer().serialize(topic.name(), value));
        }
    }

    /** @param properties a producer's properties with a {@code transactional.id} unique to this instance */
    public PollCommitter(Properties properties) {
        this.properties = properties;
    }

    /**
     * Sends the records in one transaction and waits for the commit.
     *
     * @throws KafkaException when the transaction was aborted (nothing of it is visible to read_committed readers)
     */
    public synchronized void commit(List<Out> records) {
        Producer<byte[], byte[]> p = producer();
        try {
            p.beginTransaction();
            for (Out out : records) {
                p.send(new ProducerRecord<>(out.topic(), out.key(), out.value()));
            }
            p.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException fatal) {
            discard();
            throw fatal;
        } catch (KafkaException e) {
            try {
                p.abortTransaction();
            } catch (KafkaException abortFailed) {
                discard();
            }
            throw e;
        }
    }

    private Producer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(properties);
            producer.initTransactions();
        }
        return producer;
    }

    private void discard() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }
}
