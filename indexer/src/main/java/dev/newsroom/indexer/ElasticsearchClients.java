package dev.newsroom.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportException;
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
     * A client for the given connection, spreading requests over its URLs (a URL without a port
     * means the scheme's port, 80 or 443): API key or basic authentication when given; for
     * {@code https} URLs with a CA certificate or a CA fingerprint, TLS that trusts that CA; the
     * connection's connect and socket timeouts. Close it to release its connections.
     *
     * @throws ConfigException when the CA certificate cannot be read
     */
    public static ElasticsearchClient create(ElasticsearchConnection connection) {
        URI url = connection.url();
        HttpHost[] hosts = connection.urls().stream()
                .map(u -> new HttpHost(u.getHost(), u.getPort(), u.getScheme())).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts);
        builder.setRequestConfigCallback(request -> request
                .setConnectTimeout(Math.toIntExact(connection.connectTimeout().toMillis()))
                .setSocketTimeout(Math.toIntExact(connection.socketTimeout().toMillis())));
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
        } else if (connection.caFingerprint() != null) {
            SSLContext ssl = TransportUtils.sslContextFromCaFingerprint(connection.caFingerprint());
            builder.setHttpClientConfigCallback(http -> http.setSSLContext(ssl));
        }
        // JacksonJsonpMapper reconfigures the mapper it is given, so it gets a copy of the shared one.
        return new ElasticsearchClient(new RestClientTransport(builder.build(), new JacksonJsonpMapper(Json.mapper().copy())));
    }

    /**
     * Asks the cluster for its health, so that a command fails at once with one sentence when
     * Elasticsearch cannot be reached or refuses the credentials (401). Any other answer, even a
     * refusal of this one request (403 for a user without the {@code monitor} privilege, 405 from
     * a distribution without the API), shows a reachable cluster that took the credentials.
     *
     * @throws ElasticsearchUnavailableException naming the URLs and the cause
     */
    public static void check(ElasticsearchClient client, ElasticsearchConnection connection) {
        try {
            client.cluster().health();
        } catch (ElasticsearchException e) {
            failOnUnauthorized(connection, e.status(), e);
        } catch (TransportException e) {
            failOnUnauthorized(connection, e.statusCode(), e);
        } catch (IOException e) {
            throw new ElasticsearchUnavailableException("Elasticsearch at " + connection.urlText() + " cannot be reached: "
                    + describe(e), e);
        }
    }

    private static void failOnUnauthorized(ElasticsearchConnection connection, int status, Exception e) {
        if (status == 401) {
            throw new ElasticsearchUnavailableException("Elasticsearch at " + connection.urlText() + " refused the credentials "
                    + "(401 Unauthorized): check elasticsearch.api-key or elasticsearch.username/password", e);
        }
    }

    /** An I/O failure as a short phrase: the exception's message, or its type when it has none. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null || root.getMessage().isBlank())) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return (message == null || message.isBlank() ? root.getClass().getSimpleName() : message).replaceAll("\\s*\\R\\s*", " ");
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
