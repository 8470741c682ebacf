package dev.newsroom.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.embedded.ElasticsearchSettings;
import dev.newsroom.embedded.EmbeddedElasticsearch;
import dev.newsroom.model.serde.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The benchmark harness end to end on a tiny corpus: it measures, and its JSON keeps the contract. */
class BenchIT {

    private static Path dataDir() throws Exception {
        return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "newsroom-bench-it-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    @Test
    void shouldSendEveryArticleThroughAndReportTheContractFields() throws Exception {
        Path dataDir = dataDir();
        Path corpus = Path.of(BenchIT.class.getResource("/bench/corpus.jsonl").toURI());
        List<String> progress = new ArrayList<>();

        BenchResult result = E2eBenchmark.run(new E2eBenchmark.Settings(corpus, 40, 10, 40, 5, dataDir,
                ElasticsearchSettings.defaultDistribution(), Map.of("streams.threads", "2")), progress::add);

        assertThat(result.articles()).isEqualTo(40);
        assertThat(result.throughputPerS()).isPositive();
        assertThat(result.baselineBulkPerS()).isPositive();
        assertThat(result.p50Ms()).isPositive().isLessThanOrEqualTo(result.p95Ms());
        assertThat(result.p95Ms()).isLessThanOrEqualTo(result.p99Ms());
        assertThat(result.peakHeapMb()).isPositive();
        assertThat(progress).anyMatch(line -> line.startsWith("bench e2e: ") && line.contains("articles searchable"));
        // The warm-up of 5 is rounded up to one whole feed of 10, which is not measured.
        assertThat(progress).contains("bench e2e: warm-up of 10 articles done; measuring 40");
        // The baseline started once the cluster had stopped indexing (the stories of the last articles).
        assertThat(result.settleSeconds()).isGreaterThanOrEqualTo(0);
        assertThat(progress).anyMatch(line -> line.contains("Elasticsearch stopped indexing"));
        JsonNode json = Json.mapper().readTree(result.toJson());
        assertThat(json.get("articles").asInt()).isEqualTo(40);
        for (String field : List.of("throughput_per_s", "baseline_bulk_per_s", "ratio", "peak_heap_mb")) {
            assertThat(json.get(field).asDouble()).as(field).isPositive();
        }
        assertThat(json.get("latency_ms").get("p95").asLong()).isEqualTo(result.p95Ms());
        // The stream threads and Elasticsearch worked while the measured articles went through.
        assertThat(result.cpuSeconds()).containsKeys("streams", "ingest", "indexer", "kafka", "jit_compilers", "gc_threads", "elasticsearch");
        assertThat(result.cpuSeconds().get("streams")).isPositive();
        assertThat(result.cpuSeconds().get("elasticsearch")).isPositive();
    }

    @Test
    void shouldWaitUntilTheClusterHasStoppedIndexing() throws Exception {
        try (EmbeddedElasticsearch elasticsearch = EmbeddedElasticsearch.start(ElasticsearchSettings.builder(dataDir()).httpPort(0).build())) {
            ElasticsearchProbe probe = new ElasticsearchProbe(elasticsearch.url());
            HttpClient http = HttpClient.newHttpClient();
            AtomicLong lastWrite = new AtomicLong();
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < 40; i++) {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(elasticsearch.url() + "/settle/_doc/" + i))
                                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertThat(answer.statusCode()).isBetween(200, 201);
                        lastWrite.set(System.nanoTime());
                        Thread.sleep(100);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            while (lastWrite.get() == 0) {
                Thread.sleep(20);
            }

            double gaveUp = probe.awaitIdle(Duration.ofSeconds(1), Duration.ofSeconds(1));
            double waited = probe.awaitIdle(Duration.ofSeconds(1), Duration.ofMinutes(1));
            long returned = System.nanoTime();
            writer.join();

            assertThat(gaveUp).as("still indexing when the wait ran out").isEqualTo(-1);
            assertThat(returned).as("returned only after the last write").isGreaterThan(lastWrite.get());
            assertThat(waited).isPositive();
        }
    }
}
