package dev.newsroom.app.internal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.app.bench.HeapSampler;
import dev.newsroom.embedded.ElasticsearchSettings;
import dev.newsroom.embedded.EmbeddedElasticsearch;
import dev.newsroom.embedded.EmbeddedKafka;
import dev.newsroom.indexer.ArticleIndexer;
import dev.newsroom.indexer.ElasticsearchClients;
import dev.newsroom.indexer.IndexTemplates;
import dev.newsroom.indexer.IndexerConfig;
import dev.newsroom.indexer.RawBulkLoader;
import dev.newsroom.model.Article;
import dev.newsroom.model.IndexNames;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.config.ElasticsearchConnection;
import dev.newsroom.model.config.KafkaConnection;
import dev.newsroom.model.serde.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code newsroom bench index}: how fast the indexer makes articles searchable, against a raw
 * {@code _bulk} loader of the same documents on the same cluster in the same run.
 *
 * <p>It starts the embedded Kafka broker and Elasticsearch in a fresh temporary directory, makes
 * N articles from a JSON Lines file of real articles (cycled, each copy with its own id), produces
 * them to a fresh articles topic, then: warms Elasticsearch up with a small raw load; loads all N
 * with the raw loader into an index of its own and times until they are searchable; runs the
 * indexer over the topic and times until all N are searchable. The peak heap is that of this JVM
 * (the broker and the indexer; Elasticsearch is a child process).
 */
public final class IndexBenchmark {
    private static final int RAW_BATCH = 1000;
    private static final int PARTITIONS = 3;
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    /** The measured figures; {@link #toJson()} is the {@code --json} line. */
    public record Result(int articles, double throughputPerS, double baselineBulkPerS, double indexerSeconds,
                         double baselineSeconds, long peakHeapMb, int batchSize, int concurrentRequests) {
        public double ratio() {
            return baselineBulkPerS == 0 ? 0 : throughputPerS / baselineBulkPerS;
        }

        public String toJson() throws IOException {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("articles", articles);
            line.put("throughput_per_s", Math.round(throughputPerS));
            line.put("baseline_bulk_per_s", Math.round(baselineBulkPerS));
            line.put("ratio", Math.round(ratio() * 1000) / 1000.0);
            line.put("peak_heap_mb", peakHeapMb);
            line.put("indexer_seconds", Math.round(indexerSeconds * 100) / 100.0);
            line.put("baseline_seconds", Math.round(baselineSeconds * 100) / 100.0);
            line.put("batch_size", batchSize);
            line.put("concurrent_requests", concurrentRequests);
            return Json.mapper().writeValueAsString(line);
        }

        public String toTable() {
            return String.format("%-34s %12s%n", "articles", articles)
                    + String.format("%-34s %12.0f  (%.2f s)%n", "indexer, docs/s until searchable", throughputPerS, indexerSeconds)
                    + String.format("%-34s %12.0f  (%.2f s)%n", "raw _bulk loader, docs/s", baselineBulkPerS, baselineSeconds)
                    + String.format("%-34s %12.3f%n", "ratio (target >= 0.9)", ratio())
                    + String.format("%-34s %12d%n", "peak heap of this JVM, MB", peakHeapMb)
                    + String.format("%-34s %12s%n", "batch size / concurrent requests", batchSize + " / " + concurrentRequests);
        }
    }

    private IndexBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param articles how many articles, at least 1
     * @param source   a JSON Lines file of articles ({@code id}, {@code site}, {@code url}, {@code title}, {@code text},
     *                 {@code published})
     * @param distribution the Elasticsearch zip to run
     * @param progress where to say what is happening (stderr)
     */
    public static Result run(int articles, Path source, Path distribution, java.io.PrintWriter progress) throws Exception {
        List<Article> docs = articles(source, articles);
        Path dir = Files.createTempDirectory("newsroom-bench-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        IndexerConfig config = new IndexerConfig("bench-indexer", 1000, Duration.ofMillis(200), Duration.ofSeconds(5), 1, 0,
                IndexerConfig.BULK_MAX_BYTES.defaultValue(), 2);
        try (HeapSampler heap = new HeapSampler(); EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0);
             EmbeddedElasticsearch elasticsearch = EmbeddedElasticsearch.start(ElasticsearchSettings.builder(dir).httpPort(0)
                     .heapMegabytes(1024).distribution(distribution).build())) {
            ElasticsearchConnection connection = ElasticsearchConnection.of(URI.create(elasticsearch.url()));
            NewsTopics topics = NewsTopics.withPrefix("bench-");
            IndexNames indexed = IndexNames.withPrefix("bench-");
            IndexNames raw = IndexNames.withPrefix("bench-raw-");
            progress.printf("Producing %d articles to %s on %s.%n", articles, topics.articles().name(), kafka.bootstrapServers());
            produce(kafka.bootstrapServers(), topics, docs);
            try (ElasticsearchClient client = ElasticsearchClients.create(connection)) {
                IndexNames warm = IndexNames.withPrefix("bench-warmup-");
                IndexTemplates.install(client, warm);
                RawBulkLoader.load(client, warm.articles(), docs.subList(0, Math.min(docs.size(), 2000)), RAW_BATCH);

                IndexTemplates.install(client, raw);
                progress.printf("Raw _bulk loader: %d articles into %s.%n", articles, raw.articles());
                long start = System.nanoTime();
                long refused = RawBulkLoader.load(client, raw.articles(), docs, RAW_BATCH);
                awaitSearchable(client, raw.articles(), articles - refused);
                double baselineSeconds = (System.nanoTime() - start) / 1e9;

                IndexTemplates.install(client, indexed);
                heap.reset();
                progress.printf("Indexer: %d articles from %s into %s.%n", articles, topics.articles().name(), indexed.articles());
                ExecutorService runner = Executors.newSingleThreadExecutor();
                ArticleIndexer indexer = new ArticleIndexer(config, new KafkaConnection(kafka.bootstrapServers(), Map.of()),
                        connection, topics, indexed);
                start = System.nanoTime();
                Future<?> running = runner.submit(indexer);
                awaitSearchable(client, indexed.articles(), articles - refused);
                double indexerSeconds = (System.nanoTime() - start) / 1e9;
                long peak = heap.peakMegabytes();
                indexer.close();
                running.get(1, TimeUnit.MINUTES);
                runner.shutdown();
                return new Result(articles, articles / indexerSeconds, articles / baselineSeconds, indexerSeconds, baselineSeconds,
                        peak, config.batchSize(), config.concurrentRequests());
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** {@code n} articles from the source, cycled, each with an id of its own and a fresh URL. */
    static List<Article> articles(Path source, int n) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(Json.mapper().readTree(line));
                }
            }
        }
        if (lines.isEmpty()) {
            throw new IOException("No articles in " + source);
        }
        Instant fetched = Instant.parse("2026-01-01T00:00:00Z");
        List<Article> articles = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            JsonNode a = lines.get(i % lines.size());
            String id = "bench-" + i;
            String site = a.path("site").asText("example.org");
            String url = a.hasNonNull("url") ? a.get("url").asText() + "#" + i : "https://" + site + "/" + id;
            Instant published = fetched.minusSeconds(i);
            articles.add(new Article(id, "s-" + id, true, 1.0, url, site, a.path("title").asText(""), a.path("text").asText(""),
                    "https://" + site + "/feed", published, fetched, List.of(), List.of(), List.of(), "en"));
        }
        return articles;
    }

    private static void produce(String bootstrapServers, NewsTopics topics, List<Article> articles) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topics.articles().name(), PARTITIONS, (short) 1),
                    new NewTopic(topics.stories().name(), 1, (short) 1), new NewTopic(topics.feedStatus().name(), 1, (short) 1),
                    new NewTopic(topics.dlq().name(), 1, (short) 1))).all().get(1, TimeUnit.MINUTES);
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        String topic = topics.articles().name();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (Article a : articles) {
                producer.send(new ProducerRecord<>(topic, a.id().getBytes(StandardCharsets.UTF_8),
                        topics.articles().valueSerde().serializer().serialize(topic, a)));
            }
            producer.flush();
        }
    }

    private static void awaitSearchable(ElasticsearchClient client, String index, long expected) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            client.indices().refresh(r -> r.index(index));
            if (client.count(c -> c.index(index)).count() >= expected) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("Index " + index + " did not reach " + expected + " documents within " + TIMEOUT);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the benchmark directory " + dir, e);
        }
    }
}
