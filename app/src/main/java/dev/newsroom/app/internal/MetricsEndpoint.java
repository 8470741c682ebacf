package dev.newsroom.app.internal;

import com.sun.net.httpserver.HttpServer;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.config.Setting;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's Micrometer metrics in the Prometheus text format at {@code GET /metrics}, served by
 * a small JDK HTTP server. Off unless {@code metrics.port} is set.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);

    /** {@code metrics.port}: port of the Prometheus endpoint; 0 (the default) turns it off. */
    public static final Setting<Integer> PORT = Setting.integer("metrics.port", 0, 0, 65_535,
            "Port of the Prometheus endpoint GET /metrics; 0 = no endpoint.");
    /** {@code metrics.bind}: address the endpoint listens on (default 127.0.0.1; 0.0.0.0 for a remote scraper). */
    public static final Setting<String> BIND = Setting.string("metrics.bind", "127.0.0.1",
            "Address the Prometheus endpoint listens on.");

    private final PrometheusMeterRegistry registry;
    private final HttpServer server;

    private MetricsEndpoint(PrometheusMeterRegistry registry, HttpServer server) {
        this.registry = registry;
        this.server = server;
    }

    /** The endpoint the configuration asks for, started; empty when {@code metrics.port} is 0. */
    public static Optional<MetricsEndpoint> fromConfig(ConfigSource config) {
        int port = config.get(PORT);
        if (port == 0) {
            return Optional.empty();
        }
        return Optional.of(start(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), new InetSocketAddress(config.get(BIND), port)));
    }

    /** Serves the registry at {@code http://address/metrics}. */
    public static MetricsEndpoint start(PrometheusMeterRegistry registry, InetSocketAddress address) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve metrics on " + address + ": " + e.getMessage(), e);
        }
        server.createContext("/metrics", exchange -> {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        LOG.info("Serving Prometheus metrics at http://{}:{}/metrics.", address.getHostString(), server.getAddress().getPort());
        return new MetricsEndpoint(registry, server);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The port it listens on (the chosen one when started on port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        registry.close();
    }
}
