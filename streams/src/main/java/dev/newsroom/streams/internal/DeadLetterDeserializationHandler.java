package dev.newsroom.streams.internal;

import dev.newsroom.model.DeadLetter;
import dev.newsroom.model.Topic;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A record that does not deserialize goes to the dead-letter topic with its bytes, and processing resumes. */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    private Topic<byte[], DeadLetter> dlq;

    @Override
    public void configure(Map<String, ?> configs) {
        dlq = DeadLetters.topic(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        log.warn("Sending the record at {}-{} offset {} to {}: it could not be read: {}",
                context.topic(), context.partition(), context.offset(), dlq.name(), exception.getMessage());
        return Response.resume(DeadLetters.of(dlq, context, record.key(), record.value(), exception));
    }
}
