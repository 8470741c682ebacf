package dev.newsroom.streams.internal;

import dev.newsroom.model.DeadLetter;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.Topic;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/** Builds the dead-letter record for a record the topology could not handle. */
public final class DeadLetters {
    /** Streams property naming the dead-letter topic for the handlers; set by the streams config. */
    public static final String DLQ_TOPIC_CONFIG = "newsroom.dlq.topic";

    private DeadLetters() {}

    static Topic<byte[], DeadLetter> topic(Map<String, ?> configs) {
        Object name = configs.get(DLQ_TOPIC_CONFIG);
        Topic<byte[], DeadLetter> defaults = NewsTopics.defaults().dlq();
        return name == null ? defaults : new Topic<>(name.toString(), defaults.keySerde(), defaults.valueSerde());
    }

    static List<ProducerRecord<byte[], byte[]>> of(Topic<byte[], DeadLetter> dlq, ErrorHandlerContext context,
                                                   byte[] key, byte[] value, Exception exception) {
        DeadLetter letter = DeadLetter.of("streams", context.topic(), context.partition(), context.offset(), value,
                exception, Instant.now());
        return List.of(new ProducerRecord<>(dlq.name(), key, dlq.valueSerde().serializer().serialize(dlq.name(), letter)));
    }
}
