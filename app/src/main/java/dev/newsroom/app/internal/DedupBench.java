package dev.newsroom.app.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.app.bench.HeapSampler;
import dev.newsroom.embedded.EmbeddedKafka;
import dev.newsroom.model.Ids;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.RawArticle;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.config.KafkaConnection;
import dev.newsroom.model.serde.Json;
import dev.newsroom.streams.NewsStreamsConfig;
import dev.newsroom.streams.StreamsService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code newsroom bench dedup}: articles per second through the real topology, with prior articles
 * already in its state. Offline: {@link OfflineDedup} (one record at a time, latency per article).
 * On the broker: an embedded Kafka broker and the streams service, exactly-once, 6 raw partitions;
 * the measured articles are produced after the prior ones were processed, and the clock stops when
 * every measured article has come out on the articles topic. Articles are synthetic (words drawn
 * from a 20,000-word vocabulary, 300 to 700 words); one in five is a copy of an earlier one with a
 * header and a footer, so candidate lookups, verification and joins are all exercised. With a story
 * size S, the copies go to the first originals in turn, S - 1 copies each, so that stories grow to S
 * copies and the cost of a story's size shows.
 */
public final class DedupBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final int prior;
    private final int measured;
    private final Random random = new Random(42);
    private final List<String> texts = new ArrayList<>();
    private final Map<String, String> overrides;
    private final int storySize;
    private int copies;

    /**
     * {@code overrides}: settings of the topology under test ({@code --set}); the benchmark's own
     * (addresses, directories) win. {@code storySize}: copies per story, 0 for copies of random
     * earlier articles (stories of about two).
     */
    public DedupBench(int prior, int measured, Map<String, String> overrides, int storySize) {
        this.prior = prior;
        this.measured = measured;
        this.overrides = Map.copyOf(overrides);
        this.storySize = storySize;
    }

    private RawArticle next(int i, Instant t) {
        String text;
        String site = "site" + (i % 97);
        if (i % 5 == 4 && !texts.isEmpty()) {
            int original = random.nextInt(texts.size());
            if (storySize > 1) {
                // each copy of one story on a site of its own: a site that carried the same text many
                // times would learn it as its boilerplate, and the copies would stop matching
                original = Math.min(copies / (storySize - 1), texts.size() - 1);
                site = "republisher" + (copies++ % (storySize - 1));
            }
            text = "Region: World\n\n" + texts.get(original) + "\n\nShare this article. Copyright 2026.";
        } else {
            StringBuilder b = new StringBuilder();
            int words = 300 + random.nextInt(400);
            for (int w = 0; w < words; w++) {
                b.append(w % 30 == 29 ? ".\n\n" : " ").append("w").append(random.nextInt(20_000));
            }
            text = b.toString().strip();
            if (texts.size() < 10_000) {
                texts.add(text);
            } else {
                texts.set(random.nextInt(texts.size()), text);
            }
        }
        String url = "https://" + site + ".example/article/" + i;
        return new RawArticle(Ids.article(url), null, "https://" + site + ".example/feed", url, null, "Article " + i,
                null, text, null, List.of(), t, t, null, "en");
    }

    /** Runs the offline measurement and returns its figures as JSON. */
    public ObjectNode offline() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        long[] latencies = new long[measured];
        long start;
        long cpuStart;
        long cpu;
        long peakHeapMb;
        try (HeapSampler heap = new HeapSampler(); OfflineDedup dedup = new OfflineDedup(ConfigSource.ofFlags(overrides))) {
            for (int i = 0; i < prior; i++) {
                RawArticle a = next(i, t0.plusSeconds(i));
                dedup.process(a, a.fetchedAt());
            }
            start = System.nanoTime();
            cpuStart = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < measured; i++) {
                RawArticle a = next(prior + i, t0.plusSeconds(prior + i));
                long s = System.nanoTime();
                dedup.process(a, a.fetchedAt());
                latencies[i] = System.nanoTime() - s;
            }
            cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
            peakHeapMb = heap.peakMegabytes();
        }
        ObjectNode out = result("offline", System.nanoTime() - start, latencies, peakHeapMb);
        // Offline, the whole topology runs on this thread: its CPU time per article is the rate one
        // idle core would reach, a figure that other processes on the machine do not distort.
        out.put("cpu_per_article_us", Math.round(cpu / 1e3 / measured));
        out.put("one_core_per_s", Math.round(measured / (cpu / 1e9)));
        return out;
    }

    /**
     * Runs the measurement on an embedded broker and returns its figures as JSON. With
     * {@code recover}, the streams service is stopped once the prior articles are in, its local
     * state deleted, and a new one started, as when an instance takes over a task: it restores the
     * stores from their changelogs and rebuilds the bucket index; {@code recovery_s} is the time from
     * its start until a new article has come out.
     */
    public ObjectNode onBroker(boolean recover) {
        Path dir = tempDir();
        Instant t0 = Instant.now().minus(Duration.ofDays(1));
        try (HeapSampler heap = new HeapSampler(); EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0)) {
            NewsTopics topics = NewsTopics.defaults();
            Map<String, String> flags = new java.util.HashMap<>(overrides);
            flags.putAll(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                    "streams.state-dir", dir.resolve("streams").toString(), "topics.partitions", "6"));
            ConfigSource config = ConfigSource.ofFlags(flags);
            TopicProvisioner.ensure(config, KafkaConnection.from(config), topics);
            try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(rawProducerProperties(config),
                         topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer());
                 KafkaConsumer<String, byte[]> consumer = consumer(kafka.bootstrapServers(), topics.articles().name())) {
                Set<String> seen = new HashSet<>();
                int sent = prior;
                Double recovery = null;
                StreamsService service = new StreamsService(NewsStreamsConfig.from(config));
                try {
                    service.start();
                    produce(producer, topics, 0, prior, t0);
                    awaitArticles(consumer, seen, prior, service);
                    if (recover) {
                        service.close();
                        delete(dir.resolve("streams"));
                        service = new StreamsService(NewsStreamsConfig.from(config));
                        long start = System.nanoTime();
                        service.start();
                        produce(producer, topics, sent, 1, t0);
                        awaitArticles(consumer, seen, ++sent, service);
                        recovery = (System.nanoTime() - start) / 1e9;
                    }
                    long start = System.nanoTime();
                    long cpuStart = streamThreadsCpu();
                    produce(producer, topics, sent, measured, t0);
                    awaitArticles(consumer, seen, sent + measured, service);
                    ObjectNode out = result("broker", System.nanoTime() - start, null, heap.peakMegabytes());
                    // The stream threads' CPU time per article: what the topology costs, apart from the
                    // broker, the producer of this benchmark and other processes on the machine.
                    out.put("streams_cpu_per_article_us", Math.round((streamThreadsCpu() - cpuStart) / 1e3 / measured));
                    if (recovery != null) {
                        out.put("recovery_s", Math.round(recovery * 10) / 10.0);
                    }
                    return out;
                } finally {
                    service.close();
                }
            }
        } finally {
            delete(dir);
        }
    }

    /** CPU time so far of the Kafka Streams stream threads in this JVM, in nanoseconds. */
    private static long streamThreadsCpu() {
        long total = 0;
        for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("-StreamThread-")) {
                total += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /**
     * The benchmark's own producer of raw articles: one request in flight and no idempotence. Sending
     * thousands of records into partitions created a moment before, an idempotent producer can be
     * left retrying one batch forever with OUT_OF_ORDER_SEQUENCE_NUMBER; a duplicate raw record
     * instead is harmless (the topology ignores an identical re-delivery).
     */
    private static Properties rawProducerProperties(ConfigSource config) {
        Properties props = KafkaConnection.from(config).baseProperties();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    private void produce(KafkaProducer<String, RawArticle> producer, NewsTopics topics, int from, int count, Instant t0) {
        for (int i = from; i < from + count; i++) {
            RawArticle a = next(i, t0.plusSeconds(i));
            producer.send(new ProducerRecord<>(topics.raw().name(), a.id(), a));
        }
        producer.flush();
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props,
                new org.apache.kafka.common.serialization.StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static void awaitArticles(KafkaConsumer<String, byte[]> consumer, Set<String> seen, int count, StreamsService service) {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (seen.size() < count) {
            if (service.failed() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The streams service stopped or took over 30 minutes; " + seen.size() + " of " + count + " articles came out");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.key()));
        }
    }

    private ObjectNode result(String mode, long nanos, long[] latencies, long peakHeapMb) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("kind", "dedup").put("mode", mode).put("prior_articles", prior).put("articles", measured).put("story_size", storySize);
        out.put("throughput_per_s", Math.round(measured / (nanos / 1e9) * 10) / 10.0);
        if (latencies != null) {
            Arrays.sort(latencies);
            ObjectNode l = out.putObject("latency_ms");
            l.put("p50", ms(latencies, 0.50)).put("p95", ms(latencies, 0.95)).put("p99", ms(latencies, 0.99));
        }
        out.put("peak_heap_mb", peakHeapMb);
        return out;
    }

    private static double ms(long[] sorted, double q) {
        return Math.round(sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e4) / 100.0;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("newsroom-bench-dedup-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory: " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
