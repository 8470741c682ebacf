package dev.newsroom.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.app.internal.MetricsEndpoint;
import dev.newsroom.model.config.ConfigSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {
    @Test
    void shouldServeTheCountersInPrometheusFormat() throws Exception {
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Counter.builder("newsroom.ingest.polls").tag("outcome", "OK").register(endpoint.registry()).increment(3);

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("newsroom_ingest_polls_total{outcome=\"OK\"} 3.0");
        }
    }

    @Test
    void shouldBeOffByDefault() {
        assertThat(MetricsEndpoint.fromConfig(ConfigSource.ofFlags(Map.of()))).isEmpty();
    }
}
