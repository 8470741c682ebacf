package dev.newsroom.indexer.internal;

import dev.newsroom.model.DeadLetter;
import dev.newsroom.model.Topic;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/** Sends dead letters to the dead-letter topic, keyed by the original key, and waits for the acknowledgements. */
public final class KafkaDeadLetterSink implements DeadLetterSink {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<byte[], byte[]> producer;
    private final Topic<byte[], DeadLetter> topic;

    public KafkaDeadLetterSink(Producer<byte[], byte[]> producer, Topic<byte[], DeadLetter> topic) {
        this.producer = producer;
        this.topic = topic;
    }

    @Override
    public void send(List<Letter> letters) throws IOException {
        try {
            List<Future<RecordMetadata>> acks = new ArrayList<>(letters.size());
            for (Letter letter : letters) {
                byte[] value = topic.valueSerde().serializer().serialize(topic.name(), letter.deadLetter());
                acks.add(producer.send(new ProducerRecord<>(topic.name(), letter.key(), value)));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IOException("Dead-letter topic " + topic.name() + " did not acknowledge " + letters.size()
                    + " dead letters: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while sending dead letters to " + topic.name(), e);
        }
    }
}
