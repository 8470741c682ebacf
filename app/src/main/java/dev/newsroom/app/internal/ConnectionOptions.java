package dev.newsroom.app.internal;

import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.config.ElasticsearchConnection;
import dev.newsroom.model.config.KafkaConnection;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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

    @Option(names = "--elasticsearch-url", paramLabel = "URL", description = "Elasticsearch URL (default http://localhost:9200, env NEWSROOM_ELASTICSEARCH_URL).")
    String elasticsearchUrl;

    @Option(names = "--elasticsearch-api-key", paramLabel = "KEY", description = "Elasticsearch API key (env NEWSROOM_ELASTICSEARCH_API_KEY).")
    String apiKey;

    @Option(names = "--elasticsearch-user", paramLabel = "USER", description = "Elasticsearch user (env NEWSROOM_ELASTICSEARCH_USERNAME).")
    String username;

    @Option(names = "--elasticsearch-password", paramLabel = "PASSWORD", description = "Elasticsearch password (env NEWSROOM_ELASTICSEARCH_PASSWORD).")
    String password;

    @Option(names = "--elasticsearch-ca", paramLabel = "PEM", description = "CA certificate of the Elasticsearch cluster.")
    Path caCertificate;

    /** The layered configuration: these flags, then the environment, then the config file, then defaults. */
    public ConfigSource config(Map<String, String> moreFlags) {
        Map<String, String> flags = new HashMap<>();
        put(flags, KafkaConnection.BOOTSTRAP_SERVERS.key(), bootstrapServers);
        put(flags, ConfigSource.KAFKA_PROPERTIES_FILE.key(), kafkaConfig == null ? null : kafkaConfig.toString());
        put(flags, ElasticsearchConnection.URL.key(), elasticsearchUrl);
        put(flags, ElasticsearchConnection.API_KEY.key(), apiKey);
        put(flags, ElasticsearchConnection.USERNAME.key(), username);
        put(flags, ElasticsearchConnection.PASSWORD.key(), password);
        put(flags, ElasticsearchConnection.CA_CERTIFICATE.key(), caCertificate == null ? null : caCertificate.toString());
        moreFlags.forEach((k, v) -> put(flags, k, v));
        return ConfigSource.of(flags, System.getenv(), configFile);
    }

    private static void put(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
