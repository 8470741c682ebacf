package dev.newsroom.model.config;

import java.util.Map;
import java.util.Properties;

/**
 * How to reach Kafka: bootstrap servers plus any client properties passed through (security,
 * SASL, SSL). Each service derives its producer, consumer or Streams properties from
 * {@link #baseProperties()} in one place.
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> clientProperties) {
    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.string(
            "bootstrap.servers", "localhost:9092", "Kafka bootstrap servers, HOST:PORT[,HOST:PORT...].");

    public KafkaConnection {
        if (bootstrapServers == null || !bootstrapServers.matches("[^,\\s]+:\\d{1,5}(,[^,\\s]+:\\d{1,5})*")) {
            throw new ConfigException("Invalid value '" + bootstrapServers + "' for bootstrap.servers: expected HOST:PORT[,HOST:PORT...]");
        }
        clientProperties = Map.copyOf(clientProperties);
    }

    public static KafkaConnection from(ConfigSource config) {
        return new KafkaConnection(config.get(BOOTSTRAP_SERVERS), config.kafkaClientProperties());
    }

    /**
     * Properties of an idempotent producer that waits for all in-sync replicas, with byte-array
     * serializers (callers serialize with the topics' serdes).
     */
    public Properties producerProperties(String clientId) {
        Properties props = baseProperties();
        props.put("client.id", clientId);
        props.put("enable.idempotence", "true");
        props.put("acks", "all");
        props.put("linger.ms", "20");
        props.put("compression.type", "lz4");
        props.put("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        props.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        return props;
    }

    /** Bootstrap servers and the passed-through client properties. */
    public Properties baseProperties() {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }
}
