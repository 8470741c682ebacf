package dev.newsroom.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.model.serde.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The few raw HTTP calls the benchmark makes to Elasticsearch: counting, checking which of some ids
 * are visible, reading every document back, and the raw {@code _bulk} baseline. Raw on purpose: the
 * baseline must be the floor, with no client of ours in between.
 */
final class ElasticsearchProbe {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;

    ElasticsearchProbe(String url) {
        this.url = url;
    }

    long count(String index) throws IOException, InterruptedException {
        // 404: the indexer has not created the index yet; 503: its shard is not allocated yet.
        JsonNode answer = call("GET", "/" + index + "/_count", null, 200, 404, 503);
        return answer.path("count").asLong(0);
    }

    /**
     * Waits until the cluster has stopped indexing: no indexing operation or merge in flight and the
     * count of indexed documents unchanged for {@code quietFor}, checked every 250 ms; at most
     * {@code atMost}. Returns how long it waited, in seconds, or -1 if the cluster was still
     * indexing at {@code atMost}. The pipeline may still be writing story records when the last
     * article is searchable; a baseline taken then would share the cluster with them.
     */
    double awaitIdle(Duration quietFor, Duration atMost) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long quietSince = start;
        long lastTotal = -1;
        while (System.nanoTime() - start < atMost.toNanos()) {
            long total = 0;
            long inFlight = 0;
            for (JsonNode node : call("GET", "/_nodes/stats/indices/indexing,merge", null, 200).path("nodes")) {
                JsonNode indices = node.path("indices");
                total += indices.path("indexing").path("index_total").asLong();
                inFlight += indices.path("indexing").path("index_current").asLong() + indices.path("merges").path("current").asLong();
            }
            long now = System.nanoTime();
            if (total != lastTotal || inFlight > 0) {
                quietSince = now;
                lastTotal = total;
            } else if (now - quietSince >= quietFor.toNanos()) {
                return (quietSince - start) / 1e9;
            }
            Thread.sleep(250);
        }
        return -1;
    }

    /** Which of these ids are searchable now. */
    Set<String> visible(String index, Collection<String> ids) throws IOException, InterruptedException {
        ObjectNode query = Json.mapper().createObjectNode();
        query.put("size", ids.size()).put("_source", false);
        ArrayNode values = query.putObject("query").putObject("ids").putArray("values");
        ids.forEach(values::add);
        Set<String> found = new HashSet<>();
        for (JsonNode hit : call("POST", "/" + index + "/_search", query.toString(), 200, 404, 503).path("hits").path("hits")) {
            found.add(hit.path("_id").asText());
        }
        return found;
    }

    /**
     * Writes the documents of {@code index} whose ids {@code keep} accepts to {@code file} as
     * {@code _bulk} lines for {@code target} (read with a scroll, a page at a time, so that a run
     * of 100,000 articles does not hold them all in memory). Returns how many were written.
     */
    long export(String index, java.util.function.Predicate<String> keep, String target, java.nio.file.Path file)
            throws IOException, InterruptedException {
        long count = 0;
        try (java.io.BufferedWriter out = java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            JsonNode page = call("POST", "/" + index + "/_search?scroll=1m", "{\"size\":1000,\"sort\":[\"_doc\"]}", 200);
            while (page.path("hits").path("hits").size() > 0) {
                for (JsonNode hit : page.path("hits").path("hits")) {
                    String id = hit.path("_id").asText();
                    if (keep.test(id)) {
                        out.write("{\"index\":{\"_index\":\"" + target + "\",\"_id\":\"" + id + "\"}}\n" + hit.path("_source") + "\n");
                        count++;
                    }
                }
                String scrollId = page.path("_scroll_id").asText();
                page = call("POST", "/_search/scroll", "{\"scroll\":\"1m\",\"scroll_id\":\"" + scrollId + "\"}", 200);
            }
        }
        return count;
    }

    /** Creates {@code target} with the mappings of {@code source}; replaces it if it exists. */
    void copyIndex(String source, String target) throws IOException, InterruptedException {
        JsonNode mapping = call("GET", "/" + source + "/_mapping", null, 200);
        JsonNode mappings = mapping.elements().next().path("mappings");
        call("DELETE", "/" + target, null, 200, 404);
        ObjectNode body = Json.mapper().createObjectNode();
        body.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", 0);
        body.set("mappings", mappings);
        call("PUT", "/" + target, body.toString(), 200);
    }

    /** Sends the {@code _bulk} lines of {@code file} ({@link #export}) in requests of {@code batch} documents, then refreshes {@code index}. */
    void bulk(String index, java.nio.file.Path file, int batch) throws IOException, InterruptedException {
        try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            StringBuilder ndjson = new StringBuilder();
            int docs = 0;
            for (String action = in.readLine(); action != null; action = in.readLine()) {
                ndjson.append(action).append('\n').append(in.readLine()).append('\n');
                if (++docs == batch) {
                    send(index, ndjson.toString());
                    ndjson.setLength(0);
                    docs = 0;
                }
            }
            if (docs > 0) {
                send(index, ndjson.toString());
            }
        }
        call("POST", "/" + index + "/_refresh", null, 200);
    }

    private void send(String index, String ndjson) throws IOException, InterruptedException {
        JsonNode answer = call("POST", "/_bulk", ndjson, 200);
        if (answer.path("errors").asBoolean()) {
            throw new IOException("the baseline _bulk into " + index + " reported item errors: " + answer.path("items").get(0));
        }
    }

    private JsonNode call(String method, String path, String body, int... accepted) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", path.endsWith("_bulk") ? "application/x-ndjson" : "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : accepted) {
            if (response.statusCode() == status) {
                return response.body().isEmpty() ? Json.mapper().createObjectNode() : Json.mapper().readTree(response.body());
            }
        }
        throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
                + response.body().substring(0, Math.min(300, response.body().length())));
    }
}
