package dev.newsroom.streams.internal;

import dev.newsroom.model.DeadLetter;
import dev.newsroom.model.Topic;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record whose processing throws goes to the dead-letter topic with the bytes it was read from
 * (the source record's raw key and value), and processing resumes.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    private Topic<byte[], DeadLetter> dlq;

    @Override
    public void configure(Map<String, ?> configs) {
        dlq = DeadLetters.topic(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        log.warn("Sending the record at {}-{} offset {} to {}: processor {} failed: {}",
                context.topic(), context.partition(), context.offset(), dlq.name(), context.processorNodeId(),
                exception.getMessage());
        return Response.resume(DeadLetters.of(dlq, context, context.sourceRawKey(), context.sourceRawValue(), exception));
    }
}
