package dev.newsroom.model.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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

    private final Class<T> type;
    private final int schemaVersion;
    private final ObjectMapper mapper = Json.mapper();

    public JsonSerde(Class<T> type, int schemaVersion) {
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1, was " + schemaVersion);
        }
        this.type = type;
        this.schemaVersion = schemaVersion;
    }

    /** The record type this serde reads and writes. */
    public Class<T> type() {
        return type;
    }

    /** The schema version this serde writes and the newest it reads. */
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        ObjectNode node = mapper.createObjectNode().put(SCHEMA_FIELD, schemaVersion);
        node.setAll((ObjectNode) mapper.valueToTree(value));
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new MalformedRecordException("Cannot write " + type.getSimpleName() + " for topic " + topic + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        String what = type.getSimpleName() + " on topic " + topic;
        JsonNode tree;
        try {
            tree = mapper.readTree(data);
        } catch (IOException e) {
            throw new MalformedRecordException("Record is not valid JSON for " + what + ": " + firstLine(e), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedRecordException("Record is not a JSON object for " + what);
        }
        JsonNode schema = tree.get(SCHEMA_FIELD);
        if (schema != null && (!schema.canConvertToInt() || schema.asInt() > schemaVersion || schema.asInt() < 1)) {
            throw new MalformedRecordException("Record has schema " + schema + " for " + what
                    + "; this reader knows schemas 1 to " + schemaVersion);
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
