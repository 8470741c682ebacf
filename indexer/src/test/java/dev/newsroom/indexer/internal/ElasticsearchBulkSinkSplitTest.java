package dev.newsroom.indexer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsroom.indexer.ElasticsearchClients;
import dev.newsroom.model.config.ElasticsearchConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request larger than the cluster's {@code http.max_content_length} is answered 413 before any
 * document is looked at. Reproducing that on the shared test cluster would need a restart with a
 * tiny limit, so a small HTTP fake stands in: it takes bulk requests of one document only.
 */
class ElasticsearchBulkSinkSplitTest {
    private HttpServer server;
    private ElasticsearchClient client;
    private final List<Integer> requestSizes = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/_bulk", this::bulk);
        server.start();
        client = ElasticsearchClients.create(ElasticsearchConnection.of(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort())));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.stop(0);
    }

    @Test
    void shouldSplitARequestTheClusterFindsTooLargeUntilEachPartFits() throws IOException {
        List<IndexAction> actions = List.of(action("a"), action("b"), action("c"));

        List<ItemOutcome> outcomes = new ElasticsearchBulkSink(client).write(actions);

        assertThat(outcomes).hasSize(3).allMatch(o -> o instanceof ItemOutcome.Indexed);
        assertThat(requestSizes).containsExactly(3, 1, 2, 1, 1);
    }

    private static IndexAction action(String id) {
        return new IndexAction("news-articles", id, Map.of("title", id), null);
    }

    private void bulk(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int documents = (int) body.lines().filter(l -> l.startsWith("{\"index\"")).count();
        requestSizes.add(documents);
        exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (documents > 1) {
            exchange.sendResponseHeaders(413, -1);
        } else {
            byte[] answer = ("{\"took\":1,\"errors\":false,\"items\":[{\"index\":{\"_index\":\"news-articles\",\"_id\":\"x\","
                    + "\"status\":201,\"result\":\"created\",\"_version\":1}}]}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }
}
