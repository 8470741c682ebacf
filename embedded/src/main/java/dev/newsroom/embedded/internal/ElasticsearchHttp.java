package dev.newsroom.embedded.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;

/**
 * The few Elasticsearch HTTP calls the embedded runtime needs: cluster health for readiness and
 * the node version. The test distribution has no {@code GET /} endpoint.
 */
public final class ElasticsearchHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final URI base;

    /**
     * Creates a client for one node.
     *
     * @param port the HTTP port on 127.0.0.1
     */
    public ElasticsearchHttp(int port) {
        this.base = URI.create("http://" + Ports.LOOPBACK + ":" + port);
    }

    /**
     * The cluster name, when the cluster answers with status yellow or green within a second.
     *
     * @return the cluster name, or empty when the node is not (yet) up or not healthy
     */
    public Optional<String> healthyClusterName() {
        return get("/_cluster/health?wait_for_status=yellow&timeout=1s")
                .map(health -> health.path("cluster_name").asText());
    }

    /**
     * The version of the node answering.
     *
     * @return the version, such as {@code 8.19.21}
     * @throws IOException when the node does not answer or answers without a version
     */
    public String nodeVersion() throws IOException {
        JsonNode nodes = get("/_nodes/_local?filter_path=nodes.*.version")
                .map(body -> body.path("nodes"))
                .orElseThrow(() -> new IOException("Elasticsearch at " + base + " did not answer GET /_nodes."));
        Iterator<JsonNode> each = nodes.elements();
        if (!each.hasNext() || !each.next().path("version").isTextual()) {
            throw new IOException("Elasticsearch at " + base + " reported no node version.");
        }
        return nodes.elements().next().path("version").asText();
    }

    private Optional<JsonNode> get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(5))
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(JSON.readTree(response.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
