package dev.newsroom.model.serde;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Jackson serde for one record type, usable by the plain clients and by Kafka Streams. Every value
 * is written as a JSON object whose first field is {@code "schema": N}; a reader rejects a schema
 * newer than it knows with {@link MalformedRecordException}, as it does any bytes that are not a
 * valid value. A null payload (a tombstone) reads as null.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
    /** The field that carries the schema version. */
    public static final String SCHEMA_FIELD = "schema";

    /** How every value this serde writes starts; a value that starts so is bound without a tree. */
    private static final byte[] SCHEMA_PREFIX = "{\"schema\":".getBytes(StandardCharsets.US_ASCII);

    private final Class<T> type;
    private final int schemaVersion;
    private final ObjectMapper mapper = Json.mapper();
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final byte[] header;

    public JsonSerde(Class<T> type, int schemaVersion) {
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1, was " + schemaVersion);
        }
        this.type = type;
        this.schemaVersion = schemaVersion;
        this.writer = mapper.writerFor(type);
        this.reader = mapper.readerFor(type);
        this.header = ("{\"" + SCHEMA_FIELD + "\":" + schemaVersion).getBytes(StandardCharsets.US_ASCII);
    }

    /** The record type this serde reads and writes. */
    public Class<T> type() {
        return type;
    }

    /** The schema version this serde writes and the newest it reads. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** Writes the value as JSON and puts the schema field in front of its first field. */
    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        byte[] body;
        try {
            body = writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new MalformedRecordException("Cannot write " + type.getSimpleName() + " for topic " + topic + ": " + e.getOriginalMessage(), e);
        }
        if (body.length < 2 || body[0] != '{') {
            throw new MalformedRecordException("Cannot write " + type.getSimpleName() + " for topic " + topic + ": it is not a JSON object");
        }
        boolean empty = body.length == 2;
        byte[] out = new byte[header.length + (empty ? 1 : body.length)];
        System.arraycopy(header, 0, out, 0, header.length);
        if (empty) {
            out[header.length] = '}';
        } else {
            out[header.length] = ',';
            System.arraycopy(body, 1, out, header.length + 1, body.length - 1);
        }
        return out;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        String what = type.getSimpleName() + " on topic " + topic;
        int schema = leadingSchema(data);
        if (schema > 0) {
            checkSchema(String.valueOf(schema), schema, what);
            try {
                return reader.readValue(data);
            } catch (IOException | IllegalArgumentException e) {
                throw new MalformedRecordException((isSyntaxError(e) ? "Record is not valid JSON for " : "Record is not a valid ")
                        + what + ": " + firstLine(e), e);
            }
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(data);
        } catch (IOException e) {
            throw new MalformedRecordException("Record is not valid JSON for " + what + ": " + firstLine(e), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedRecordException("Record is not a JSON object for " + what);
        }
        JsonNode schemaNode = tree.get(SCHEMA_FIELD);
        if (schemaNode != null) {
            checkSchema(schemaNode.toString(), schemaNode.canConvertToInt() ? schemaNode.asInt() : -1, what);
        }
        try {
            T value = mapper.treeToValue(tree, type);
            if (value == null) {
                throw new MalformedRecordException("Record is empty for " + what);
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedRecordException("Record is not a valid " + what + ": " + firstLine(e), e);
        }
    }

    private static boolean isSyntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException) {
                return true;
            }
        }
        return false;
    }

    private void checkSchema(String written, int schema, String what) {
        if (schema > schemaVersion || schema < 1) {
            throw new MalformedRecordException("Record has schema " + written + " for " + what
                    + "; this reader knows schemas 1 to " + schemaVersion);
        }
    }

    /**
     * The schema of a value that starts as this serde writes it ({@code {"schema":N,} or
     * {@code {"schema":N}}), else 0: such values are bound directly, any other through a tree.
     */
    private static int leadingSchema(byte[] data) {
        if (data.length <= SCHEMA_PREFIX.length || !Arrays.equals(data, 0, SCHEMA_PREFIX.length, SCHEMA_PREFIX, 0, SCHEMA_PREFIX.length)) {
            return 0;
        }
        int schema = 0;
        int i = SCHEMA_PREFIX.length;
        for (; i < data.length && i < SCHEMA_PREFIX.length + 6 && data[i] >= '0' && data[i] <= '9'; i++) {
            schema = schema * 10 + (data[i] - '0');
        }
        boolean digits = i > SCHEMA_PREFIX.length && data[SCHEMA_PREFIX.length] != '0';
        return digits && i < data.length && (data[i] == ',' || data[i] == '}') ? schema : 0;
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // configured by its constructor
    }

    @Override
    public void close() {
        // nothing to release
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof JsonProcessingException j ? j.getOriginalMessage() : root.getMessage();
        if (message == null) {
            return root.getClass().getSimpleName();
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
