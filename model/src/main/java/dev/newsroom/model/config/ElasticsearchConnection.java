package dev.newsroom.model.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * How to reach Elasticsearch: URL and optionally an API key or user/password, and a CA
 * certificate (PEM) for a cluster with its own certificate authority.
 */
public record ElasticsearchConnection(URI url, String apiKey, String username, String password, Path caCertificate) {
    public static final Setting<URI> URL = Setting.httpUrl(
            "elasticsearch.url", URI.create("http://localhost:9200"), "Elasticsearch URL.");
    public static final Setting<String> API_KEY = Setting.string(
            "elasticsearch.api-key", null, "Elasticsearch API key (base64 id:key), instead of user/password.");
    public static final Setting<String> USERNAME = Setting.string(
            "elasticsearch.username", null, "Elasticsearch user for basic authentication.");
    public static final Setting<String> PASSWORD = Setting.string(
            "elasticsearch.password", null, "Elasticsearch password for basic authentication.");
    public static final Setting<Path> CA_CERTIFICATE = Setting.path(
            "elasticsearch.ca", null, "PEM file of the CA that signed the cluster's certificate.");

    public ElasticsearchConnection {
        if (url == null) {
            throw new ConfigException("Missing value for elasticsearch.url: expected an absolute http:// or https:// URL");
        }
        if ((username == null) != (password == null)) {
            throw new ConfigException("elasticsearch.username and elasticsearch.password must be given together");
        }
        if (apiKey != null && username != null) {
            throw new ConfigException("Give either elasticsearch.api-key or elasticsearch.username/password, not both");
        }
    }

    public static ElasticsearchConnection of(URI url) {
        return new ElasticsearchConnection(url, null, null, null, null);
    }

    public static ElasticsearchConnection from(ConfigSource config) {
        return new ElasticsearchConnection(config.get(URL), config.get(API_KEY), config.get(USERNAME),
                config.get(PASSWORD), config.get(CA_CERTIFICATE));
    }

    @Override
    public String toString() {
        return "ElasticsearchConnection[url=" + url + (apiKey != null ? ", api-key" : "")
                + (username != null ? ", user=" + username : "") + "]";
    }
}
