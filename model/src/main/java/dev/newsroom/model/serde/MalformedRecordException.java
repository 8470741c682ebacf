package dev.newsroom.model.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's bytes are not a valid value of the expected type: not JSON, a newer schema than this
 * reader knows, or a value that breaks the record's rules. The deserialization handlers send such
 * records to the dead-letter topic.
 */
public class MalformedRecordException extends SerializationException {
    private static final long serialVersionUID = 1L;

    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedRecordException(String message) {
        super(message);
    }
}
