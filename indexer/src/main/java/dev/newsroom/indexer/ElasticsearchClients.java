package dev.newsroom.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.newsroom.model.config.ConfigException;
import dev.newsroom.model.config.ElasticsearchConnection;
import dev.newsroom.model.serde.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Builds the Elasticsearch client every part of newsroom uses. Documents are written and read
 * with the model's JSON dialect ({@link Json#mapper()}: snake_case, ISO-8601 instants, nulls left
 * out), so a document's fields are the record's fields in snake_case.
 */
public final class ElasticsearchClients {
    private ElasticsearchClients() {}

    /**
     * A client for the given connection (a URL without a port means the scheme's port, 80 or 443): API key or basic authentication when given, and for an
     * {@code https} URL with a CA certificate, TLS that trusts that CA. Close it to release its
     * connections.
     *
     * @throws ConfigException when the CA certificate cannot be read
     */
    public static ElasticsearchClient create(ElasticsearchConnection connection) {
        URI url = connection.url();
        RestClientBuilder builder = RestClient.builder(new HttpHost(url.getHost(), url.getPort(), url.getScheme()));
        String path = url.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            builder.setPathPrefix(path);
        }
        List<Header> headers = new ArrayList<>();
        if (connection.apiKey() != null) {
            headers.add(new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + connection.apiKey()));
        } else if (connection.username() != null) {
            String credentials = connection.username() + ":" + connection.password();
            headers.add(new BasicHeader(HttpHeaders.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
        }
        builder.setDefaultHeaders(headers.toArray(Header[]::new));
        if (connection.caCertificate() != null) {
            SSLContext ssl = sslContext(connection);
            builder.setHttpClientConfigCallback(http -> http.setSSLContext(ssl));
        }
        // JacksonJsonpMapper reconfigures the mapper it is given, so it gets a copy of the shared one.
        return new ElasticsearchClient(new RestClientTransport(builder.build(), new JacksonJsonpMapper(Json.mapper().copy())));
    }

    private static SSLContext sslContext(ElasticsearchConnection connection) {
        try {
            return TransportUtils.sslContextFromHttpCaCrt(connection.caCertificate().toFile());
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("Cannot read the Elasticsearch CA certificate " + connection.caCertificate()
                    + " (elasticsearch.ca): " + e.getMessage(), e);
        }
    }
}
