package dev.newsroom.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.model.DeadLetter;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.Topic;
import dev.newsroom.model.serde.MalformedRecordException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterHandlersTest {
    private static final byte[] KEY = "a-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = "{not json".getBytes(StandardCharsets.UTF_8);
    private final Topic<byte[], DeadLetter> dlq = NewsTopics.withPrefix("t1-").dlq();
    private final Map<String, Object> configs = Map.of(DeadLetters.DLQ_TOPIC_CONFIG, dlq.name());

    /** The position of the failed record, as Kafka Streams reports it. */
    private record Context(String topic, int partition, long offset) implements ErrorHandlerContext {
        @Override public Headers headers() { return new RecordHeaders(); }
        @Override public String processorNodeId() { return "clean-article"; }
        @Override public TaskId taskId() { return new TaskId(0, partition); }
        @Override public long timestamp() { return 0; }
        @Override public byte[] sourceRawKey() { return KEY; }
        @Override public byte[] sourceRawValue() { return VALUE; }
    }

    private DeadLetter letterIn(ProducerRecord<byte[], byte[]> record) {
        assertThat(record.topic()).isEqualTo(dlq.name());
        assertThat(record.key()).isEqualTo(KEY);
        return dlq.valueSerde().deserializer().deserialize(dlq.name(), record.value());
    }

    @Test
    void shouldResumeAndSendAnUnreadableRecordWithItsBytesAndPosition() {
        var handler = new DeadLetterDeserializationHandler();
        handler.configure(configs);
        var record = new ConsumerRecord<>("t1-newsroom.raw", 2, 41L, KEY, VALUE);

        var response = handler.handleError(new Context("t1-newsroom.raw", 2, 41L), record,
                new MalformedRecordException("Record is not valid JSON for RawArticle on topic t1-newsroom.raw: x"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).hasSize(1);
        DeadLetter letter = letterIn(response.deadLetterQueueRecords().get(0));
        assertThat(letter.topic()).isEqualTo("t1-newsroom.raw");
        assertThat(letter.partition()).isEqualTo(2);
        assertThat(letter.offset()).isEqualTo(41L);
        assertThat(letter.value()).isEqualTo(VALUE);
        assertThat(letter.error()).isEqualTo("Record is not valid JSON for RawArticle on topic t1-newsroom.raw: x");
        assertThat(letter.errorType()).isEqualTo(MalformedRecordException.class.getName());
    }

    @Test
    void shouldResumeAndSendTheSourceBytesOfARecordWhoseProcessingFailed() {
        var handler = new DeadLetterProcessingHandler();
        handler.configure(configs);

        var response = handler.handleError(new Context("t1-newsroom.raw", 0, 7L), new Record<>("a-1", "x", 0L),
                new IllegalStateException("boom"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        DeadLetter letter = letterIn(response.deadLetterQueueRecords().get(0));
        assertThat(letter.stage()).isEqualTo("streams");
        assertThat(letter.offset()).isEqualTo(7L);
        assertThat(letter.value()).isEqualTo(VALUE);
        assertThat(letter.error()).isEqualTo("boom");
    }
}
