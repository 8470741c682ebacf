package dev.newsroom.app.internal;

import dev.newsroom.model.config.ElasticsearchConnection;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where Elasticsearch is and how to log in; shared by the indexer, run and the query commands. */
public final class ElasticsearchOptions {
    @Option(names = "--elasticsearch-url", paramLabel = "URL", description = "Elasticsearch URL (default http://localhost:9200, env NEWSROOM_ELASTICSEARCH_URL).")
    String url;

    @Option(names = "--elasticsearch-api-key", paramLabel = "KEY", description = "Elasticsearch API key (env NEWSROOM_ELASTICSEARCH_API_KEY).")
    String apiKey;

    @Option(names = "--elasticsearch-user", paramLabel = "USER", description = "Elasticsearch user (env NEWSROOM_ELASTICSEARCH_USERNAME).")
    String username;

    @Option(names = "--elasticsearch-password", paramLabel = "PASSWORD", description = "Elasticsearch password (env NEWSROOM_ELASTICSEARCH_PASSWORD).")
    String password;

    @Option(names = "--elasticsearch-ca", paramLabel = "PEM", description = "CA certificate of the Elasticsearch cluster.")
    Path caCertificate;

    /** Adds the given flags to {@code flags}, by setting key. */
    void putInto(Map<String, String> flags) {
        ConnectionOptions.put(flags, ElasticsearchConnection.URL.key(), url);
        ConnectionOptions.put(flags, ElasticsearchConnection.API_KEY.key(), apiKey);
        ConnectionOptions.put(flags, ElasticsearchConnection.USERNAME.key(), username);
        ConnectionOptions.put(flags, ElasticsearchConnection.PASSWORD.key(), password);
        ConnectionOptions.put(flags, ElasticsearchConnection.CA_CERTIFICATE.key(), caCertificate == null ? null : caCertificate.toString());
    }
}
