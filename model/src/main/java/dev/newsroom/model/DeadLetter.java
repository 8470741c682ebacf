package dev.newsroom.model;

import java.time.Instant;

/**
 * A record a stage could not handle; the value of {@code newsroom.dlq}, keyed by the original key.
 * It keeps the original bytes so the record can be inspected and replayed.
 *
 * @param stage     which stage gave up: {@code ingest}, {@code streams}, {@code indexer}
 * @param topic     the topic the record was read from (empty when it never reached a topic)
 * @param partition its partition, -1 when unknown
 * @param offset    its offset, -1 when unknown
 * @param value     the original value bytes (base64 in JSON), may be empty
 * @param error     one sentence saying why
 * @param errorType the exception class, for grouping
 * @param failedAt  when it failed
 */
public record DeadLetter(
        String stage,
        String topic,
        int partition,
        long offset,
        byte[] value,
        String error,
        String errorType,
        Instant failedAt) {

    public DeadLetter {
        Checks.required(stage, "stage");
        topic = Checks.orEmpty(topic);
        value = value == null ? new byte[0] : value.clone();
        Checks.required(error, "error");
        errorType = Checks.orEmpty(errorType);
        Checks.notNull(failedAt, "failedAt");
    }

    /**
     * The dead letter of a record that failed with an exception: the exception's message is the
     * error (its class name when it has none), its class the error type.
     */
    public static DeadLetter of(String stage, String topic, int partition, long offset, byte[] value, Throwable error, Instant failedAt) {
        String message = error.getMessage() == null || error.getMessage().isBlank() ? error.getClass().getSimpleName() : error.getMessage();
        return new DeadLetter(stage, topic, partition, offset, value, message, error.getClass().getName(), failedAt);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeadLetter d && stage.equals(d.stage) && topic.equals(d.topic)
                && partition == d.partition && offset == d.offset && java.util.Arrays.equals(value, d.value)
                && error.equals(d.error) && errorType.equals(d.errorType) && failedAt.equals(d.failedAt);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(stage, topic, partition, offset, java.util.Arrays.hashCode(value), error, errorType, failedAt);
    }

    @Override
    public String toString() {
        return "DeadLetter[stage=" + stage + ", topic=" + topic + ", partition=" + partition + ", offset=" + offset
                + ", bytes=" + value.length + ", error=" + error + "]";
    }
}
