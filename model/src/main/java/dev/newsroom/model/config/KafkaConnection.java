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

    /** Bootstrap servers and the passed-through client properties. */
    public Properties baseProperties() {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }
}
