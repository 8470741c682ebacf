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
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request larger than the cluster's {@code http.max_content_length} is answered 413 before any
 * document is looked at, and a request Elasticsearch refuses as a whole is answered 400. Reproducing
 * that on the shared test cluster would need a restart with a tiny limit (or a document the client
 * refuses to send), so a small HTTP fake stands in: by default it takes bulk requests of one
 * document only.
 */
class ElasticsearchBulkSinkSplitTest {
    private static final String VALIDATION_ERROR = "{\"error\":{\"root_cause\":[{\"type\":\"action_request_validation_exception\","
            + "\"reason\":\"Validation Failed: 1: an id must be provided if version type or value are set;\"}],"
            + "\"type\":\"action_request_validation_exception\","
            + "\"reason\":\"Validation Failed: 1: an id must be provided if version type or value are set;\"},\"status\":400}";

    private HttpServer server;
    private ElasticsearchClient client;
    private final List<Integer> requestSizes = new ArrayList<>();
    private Predicate<String> refuses = body -> documents(body) > 1;
    private int refusalStatus = 413;
    private String refusalBody = "";
    private String refusalContentType = "application/json";

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

    @Test
    void shouldSplitARequestRefusedWithBadRequestAndRejectOnlyTheDocumentItCannotTake() throws IOException {
        refuses = body -> body.contains("\"_id\":\"bad\"") || documents(body) > 1;
        refusalStatus = 400;
        refusalBody = VALIDATION_ERROR;
        List<IndexAction> actions = List.of(action("a"), action("bad"), action("c"));

        List<ItemOutcome> outcomes = new ElasticsearchBulkSink(client).write(actions);

        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(0)).isInstanceOf(ItemOutcome.Indexed.class);
        assertThat(outcomes.get(1)).isEqualTo(new ItemOutcome.Rejected("action_request_validation_exception",
                "action_request_validation_exception: Validation Failed: 1: an id must be provided if version type or value "
                        + "are set; (status 400 for the whole request)"));
        assertThat(outcomes.get(2)).isInstanceOf(ItemOutcome.Indexed.class);
        assertThat(requestSizes).containsExactly(3, 1, 2, 1, 1);
    }

    @Test
    void shouldRejectEachDocumentOfARequestRefusedWithBadRequestWithoutAnElasticsearchError() throws IOException {
        refuses = body -> true;
        refusalStatus = 400;
        refusalBody = "Bad Request";
        refusalContentType = "text/plain";
        List<IndexAction> actions = List.of(action("a"), action("b"));

        List<ItemOutcome> outcomes = new ElasticsearchBulkSink(client).write(actions);

        assertThat(outcomes).hasSize(2).allSatisfy(outcome -> assertThat(outcome)
                .isInstanceOfSatisfying(ItemOutcome.Rejected.class, rejected -> {
                    assertThat(rejected.errorType()).isEqualTo("bad_request");
                    assertThat(rejected.reason()).startsWith("bad_request: ").endsWith(" (status 400 for the whole request)");
                }));
        assertThat(requestSizes).containsExactly(2, 1, 1);
    }

    private static int documents(String body) {
        return (int) body.lines().filter(l -> l.startsWith("{\"index\"")).count();
    }

    private static IndexAction action(String id) {
        return new IndexAction("news-articles", id, Map.of("title", id), null);
    }

    private void bulk(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requestSizes.add(documents(body));
        exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        if (refuses.test(body)) {
            exchange.getResponseHeaders().add("Content-Type", refusalContentType);
            byte[] refusal = refusalBody.getBytes(StandardCharsets.UTF_8);
            if (refusal.length == 0) {
                exchange.sendResponseHeaders(refusalStatus, -1);
            } else {
                exchange.sendResponseHeaders(refusalStatus, refusal.length);
                exchange.getResponseBody().write(refusal);
            }
        } else {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] answer = ("{\"took\":1,\"errors\":false,\"items\":[{\"index\":{\"_index\":\"news-articles\",\"_id\":\"x\","
                    + "\"status\":201,\"result\":\"created\",\"_version\":1}}]}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }
}
