package dev.newsroom.app.internal;

import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.config.KafkaConnection;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every service shares: where Kafka and Elasticsearch are and how to log in, and a
 * config file. A flag wins over {@code NEWSROOM_*} environment variables, which win over the file.
 */
public final class ConnectionOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Properties file of newsroom settings (and kafka.* client properties).")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", description = "Kafka bootstrap servers (default localhost:9092, env NEWSROOM_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE", description = "Kafka client properties file (security.protocol, sasl.*, ssl.*) applied to every client.")
    Path kafkaConfig;

    @Mixin
    ElasticsearchOptions elasticsearch;

    /** The layered configuration: these flags and {@code moreFlags}, then the environment, then the config file, then defaults. */
    public ConfigSource config(Map<String, String> moreFlags) {
        Map<String, String> flags = new HashMap<>();
        put(flags, KafkaConnection.BOOTSTRAP_SERVERS.key(), bootstrapServers);
        put(flags, ConfigSource.KAFKA_PROPERTIES_FILE.key(), kafkaConfig == null ? null : kafkaConfig.toString());
        elasticsearch.putInto(flags);
        moreFlags.forEach((k, v) -> put(flags, k, v));
        return ConfigSource.of(flags, System.getenv(), configFile);
    }

    /** The configuration of a command that talks to Elasticsearch only. */
    public static ConfigSource config(ElasticsearchOptions elasticsearch, Path configFile) {
        Map<String, String> flags = new HashMap<>();
        elasticsearch.putInto(flags);
        return ConfigSource.of(flags, System.getenv(), configFile);
    }

    static void put(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
