package dev.newsroom.model.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How to reach Elasticsearch: one or more node URLs of one cluster, optionally an API key or
 * user/password, the cluster's CA as a PEM file or as the SHA-256 fingerprint of its certificate,
 * and the connect and socket timeouts.
 *
 * @param urls           the nodes to send requests to, all {@code http} or all {@code https}. Key
 *                       {@code elasticsearch.url}, comma-separated, default {@code http://localhost:9200}
 * @param apiKey         API key (base64 of id:key), or null. Key {@code elasticsearch.api-key}
 * @param username       user for basic authentication, or null. Key {@code elasticsearch.username}
 * @param password       password of that user, or null. Key {@code elasticsearch.password}
 * @param caCertificate  PEM file of the CA that signed the cluster's certificate, or null. Key {@code elasticsearch.ca}
 * @param caFingerprint  SHA-256 fingerprint of the CA certificate (hex, colons allowed), or null;
 *                       what Elasticsearch prints at its first start. Key {@code elasticsearch.ca-fingerprint}
 * @param connectTimeout longest wait for a connection. Key {@code elasticsearch.connect-timeout},
 *                       100ms to 5m, default 5s
 * @param socketTimeout  longest wait for an answer. Key {@code elasticsearch.socket-timeout}, 1s to
 *                       30m, default 60s
 */
public record ElasticsearchConnection(List<URI> urls, String apiKey, String username, String password, Path caCertificate,
                                      String caFingerprint, Duration connectTimeout, Duration socketTimeout) {
    public static final Setting<List<URI>> URL = Setting.httpUrls(
            "elasticsearch.url", List.of(URI.create("http://localhost:9200")), "Elasticsearch URL, or several URLs of one cluster separated by commas.");
    public static final Setting<String> API_KEY = Setting.string(
            "elasticsearch.api-key", null, "Elasticsearch API key (base64 id:key), instead of user/password.");
    public static final Setting<String> USERNAME = Setting.string(
            "elasticsearch.username", null, "Elasticsearch user for basic authentication.");
    public static final Setting<String> PASSWORD = Setting.string(
            "elasticsearch.password", null, "Elasticsearch password for basic authentication.");
    public static final Setting<Path> CA_CERTIFICATE = Setting.path(
            "elasticsearch.ca", null, "PEM file of the CA that signed the cluster's certificate.");
    public static final Setting<String> CA_FINGERPRINT = Setting.string(
            "elasticsearch.ca-fingerprint", null, "SHA-256 fingerprint (hex) of the CA certificate of the cluster.");
    public static final Setting<Duration> CONNECT_TIMEOUT = Setting.duration(
            "elasticsearch.connect-timeout", Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMinutes(5),
            "Longest wait for a connection to Elasticsearch.");
    public static final Setting<Duration> SOCKET_TIMEOUT = Setting.duration(
            "elasticsearch.socket-timeout", Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofMinutes(30),
            "Longest wait for an answer from Elasticsearch.");

    public ElasticsearchConnection {
        if (urls == null || urls.isEmpty()) {
            throw new ConfigException("Missing value for elasticsearch.url: expected one or more absolute http:// or https:// URLs");
        }
        urls = List.copyOf(urls);
        if (urls.stream().map(URI::getScheme).distinct().count() > 1) {
            throw new ConfigException("Invalid value for elasticsearch.url: the URLs " + urls + " mix http and https; give the nodes of one cluster");
        }
        if ((username == null) != (password == null)) {
            throw new ConfigException("elasticsearch.username and elasticsearch.password must be given together");
        }
        if (apiKey != null && username != null) {
            throw new ConfigException("Give either elasticsearch.api-key or elasticsearch.username/password, not both");
        }
        if (caFingerprint != null) {
            caFingerprint = caFingerprint.replace(":", "").strip().toLowerCase(Locale.ROOT);
            if (!caFingerprint.matches("[0-9a-f]{64}")) {
                throw new ConfigException("Invalid value for elasticsearch.ca-fingerprint: expected the SHA-256 fingerprint of a certificate, "
                        + "64 hex digits (colons allowed)");
            }
            if (caCertificate != null) {
                throw new ConfigException("Give either elasticsearch.ca or elasticsearch.ca-fingerprint, not both");
            }
        }
        if ((caCertificate != null || caFingerprint != null) && !"https".equals(urls.get(0).getScheme())) {
            throw new ConfigException("elasticsearch.ca and elasticsearch.ca-fingerprint need https:// URLs in elasticsearch.url, not " + urls.get(0));
        }
        connectTimeout = connectTimeout == null ? CONNECT_TIMEOUT.defaultValue() : connectTimeout;
        socketTimeout = socketTimeout == null ? SOCKET_TIMEOUT.defaultValue() : socketTimeout;
    }

    /** One URL, a CA file or none, default timeouts. */
    public ElasticsearchConnection(URI url, String apiKey, String username, String password, Path caCertificate) {
        this(url == null ? null : List.of(url), apiKey, username, password, caCertificate, null, null, null);
    }

    /** One URL without authentication, default timeouts. */
    public static ElasticsearchConnection of(URI url) {
        return new ElasticsearchConnection(url, null, null, null, null);
    }

    public static ElasticsearchConnection from(ConfigSource config) {
        return new ElasticsearchConnection(config.get(URL), config.get(API_KEY), config.get(USERNAME), config.get(PASSWORD),
                config.get(CA_CERTIFICATE), config.get(CA_FINGERPRINT), config.get(CONNECT_TIMEOUT), config.get(SOCKET_TIMEOUT));
    }

    /** The first URL: the one log lines name. */
    public URI url() {
        return urls.get(0);
    }

    /** The URLs as given, comma-separated, for messages. */
    public String urlText() {
        return String.join(",", urls.stream().map(URI::toString).toList());
    }

    @Override
    public String toString() {
        return "ElasticsearchConnection[url=" + urlText() + (apiKey != null ? ", api-key" : "")
                + (username != null ? ", user=" + username : "") + (caFingerprint != null ? ", ca-fingerprint" : "") + "]";
    }
}
