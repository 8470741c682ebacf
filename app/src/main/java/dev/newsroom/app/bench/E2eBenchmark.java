package dev.newsroom.app.bench;

import dev.newsroom.app.internal.Lifecycle;
import dev.newsroom.app.internal.Pipeline;
import dev.newsroom.app.internal.TopicProvisioner;
import dev.newsroom.embedded.ElasticsearchSettings;
import dev.newsroom.embedded.EmbeddedElasticsearch;
import dev.newsroom.embedded.EmbeddedKafka;
import dev.newsroom.ingest.FeedSubscriptions;
import dev.newsroom.ingest.IngestConfig;
import dev.newsroom.model.FeedSubscription;
import dev.newsroom.model.Ids;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.config.ElasticsearchConnection;
import dev.newsroom.model.config.KafkaConnection;
import dev.newsroom.model.config.Names;
import dev.newsroom.streams.NewsStreamsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * {@code newsroom bench e2e}: N articles served as RSS feeds on loopback go through the whole
 * pipeline (ingest, streams, indexer) on the embedded broker and Elasticsearch until searchable.
 * Measures throughput from the first poll to the last searchable article, the latency from a feed's
 * first poll to each sampled article being searchable, the peak heap, and the raw {@code _bulk}
 * rate of the same final documents on the same cluster in the same run.
 */
public final class E2eBenchmark {
    /**
     * @param corpus       JSON Lines of real articles ({@code title}, {@code text}, {@code site})
     * @param articles     how many items go through (cycled from the corpus, a quarter of them republished copies)
     * @param itemsPerFeed items in each feed document
     * @param samples      items whose latency is measured one by one
     * @param warmup       items sent through first and not measured (rounded up to whole feeds), so that the
     *                     figures are those of a running pipeline rather than of a JVM compiling its code
     * @param dataDir      where the broker and Elasticsearch keep this run's data
     * @param distribution the Elasticsearch zip
     * @param overrides    settings of the pipeline under test ({@code --set}); they replace the benchmark's defaults
     *                     (partitions, poll and host intervals) but not its addresses and directories
     */
    public record Settings(Path corpus, int articles, int itemsPerFeed, int samples, int warmup, Path dataDir, Path distribution,
                           Map<String, String> overrides) {
        public Settings {
            if (warmup < 0 || warmup > 1_000_000) {
                throw new IllegalArgumentException("--warmup must be from 0 to 1000000, was " + warmup);
            }
            overrides = Map.copyOf(overrides);
            if (articles < 1 || articles > 10_000_000) {
                throw new IllegalArgumentException("--articles must be from 1 to 10000000, was " + articles);
            }
        }
    }

    private static final Duration CHECK_EVERY = Duration.ofMillis(100);
    /** The raw _bulk baseline starts once Elasticsearch has indexed nothing for this long ... */
    private static final Duration SETTLE_QUIET = Duration.ofSeconds(3);
    /** ... or after this long at most. */
    private static final Duration SETTLE_AT_MOST = Duration.ofMinutes(10);

    private E2eBenchmark() {}

    public static BenchResult run(Settings settings, Consumer<String> progress) throws Exception {
        int warm = (settings.warmup() + settings.itemsPerFeed() - 1) / settings.itemsPerFeed() * settings.itemsPerFeed();
        List<BenchArticle> all = BenchCorpus.load(settings.corpus(), warm + settings.articles(), settings.itemsPerFeed());
        List<BenchArticle> warmItems = all.subList(0, warm);
        List<BenchArticle> items = all.subList(warm, all.size());
        try (HeapSampler heap = new HeapSampler(); FeedFarm farm = new FeedFarm(all); Lifecycle lifecycle = new Lifecycle()) {
            EmbeddedKafka kafka = lifecycle.add("Kafka", EmbeddedKafka.start(settings.dataDir(), 0));
            EmbeddedElasticsearch elasticsearch = lifecycle.add("Elasticsearch", EmbeddedElasticsearch.start(
                    ElasticsearchSettings.builder(settings.dataDir()).httpPort(0).distribution(settings.distribution()).build()));
            // The benchmark's defaults, which --set may change: every feed polled once, and no pause
            // between requests to one loopback address, which stands for many sites (with
            // fetch.host-interval=1s the feeds arrive one a second per address instead of all at once).
            Map<String, String> flags = new HashMap<>(Map.of(
                    TopicProvisioner.PARTITIONS.key(), "3",
                    IngestConfig.POLL_INTERVAL.key(), "24h",
                    IngestConfig.HOST_INTERVAL.key(), "0s"));
            flags.putAll(settings.overrides());
            // What the benchmark itself needs.
            flags.putAll(Map.of(
                    KafkaConnection.BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers(),
                    ElasticsearchConnection.URL.key(), elasticsearch.url(),
                    NewsStreamsConfig.STATE_DIR.key(), settings.dataDir().resolve("streams").toString(),
                    IngestConfig.ALLOW_PRIVATE_NETWORKS.key(), "true"));
            ConfigSource config = ConfigSource.ofFlags(flags);
            NewsTopics topics = Names.topics(config);
            KafkaConnection connection = KafkaConnection.from(config);
            TopicProvisioner.ensure(config, connection, topics);
            int warmFeeds = warm / settings.itemsPerFeed();
            subscribe(connection, topics, farm, 0, warmFeeds);

            Pipeline pipeline = Pipeline.start(config, IngestConfig.from(config), connection, topics, lifecycle);
            String index = Names.indices(config).articles();
            ElasticsearchProbe probe = new ElasticsearchProbe(elasticsearch.url());
            if (warm > 0) {
                awaitSearchable(warmItems, 0, 0, farm, probe, index, pipeline, line -> progress.accept(line + " (warm-up)"));
                progress.accept("bench e2e: warm-up of " + warm + " articles done; measuring " + items.size());
            }
            CpuMeter cpu = new CpuMeter(elasticsearch.pid());
            subscribe(connection, topics, farm, warmFeeds, farm.feedCount());
            Searchable searchable = awaitSearchable(items, warm, settings.samples(), farm, probe, index, pipeline, progress);
            double seconds = (searchable.doneNanos() - firstPoll(farm, warmFeeds)) / 1e9;
            long[] sampleMillis = searchable.sampleMillis();
            Map<String, Double> cpuSeconds = cpu.seconds();

            progress.accept("bench e2e: all " + items.size() + " articles are searchable; waiting for Elasticsearch to stop indexing");
            double settled = probe.awaitIdle(SETTLE_QUIET, SETTLE_AT_MOST);
            progress.accept(settled < 0
                    ? "bench e2e: Elasticsearch was still indexing after " + SETTLE_AT_MOST.toSeconds() + " s; loading the same documents with raw _bulk anyway"
                    : String.format("bench e2e: Elasticsearch stopped indexing %.1f s after the last article was searchable; loading the same documents with raw _bulk", settled));
            Set<String> measured = new HashSet<>();
            items.forEach(item -> measured.add(Ids.article(item.url())));
            Path docs = settings.dataDir().resolve("baseline.ndjson");
            long count = probe.export(index, measured::contains, "bench-baseline", docs);
            probe.copyIndex(index, "bench-baseline");
            long bulkStart = System.nanoTime();
            probe.bulk("bench-baseline", docs, 500);
            double baseline = count / ((System.nanoTime() - bulkStart) / 1e9);

            return new BenchResult("e2e", items.size(), seconds, items.size() / seconds, baseline,
                    settled, percentile(sampleMillis, 50), percentile(sampleMillis, 95), percentile(sampleMillis, 99), heap.peakMegabytes(), cpuSeconds);
        }
    }

    /** Subscribes feeds {@code from} (inclusive) to {@code to} (exclusive) of the farm. */
    private static void subscribe(KafkaConnection connection, NewsTopics topics, FeedFarm farm, int from, int to) throws Exception {
        List<FeedSubscription> feeds = new ArrayList<>();
        for (int f = from; f < to; f++) {
            feeds.add(FeedSubscription.of(farm.url(f), "bench " + f, Instant.now()));
        }
        FeedSubscriptions.publish(connection, topics, feeds);
    }

    /** Latencies of the sampled articles in ms, sorted, and the System.nanoTime when the last article became searchable. */
    private record Searchable(long[] sampleMillis, long doneNanos) {}

    /** Waits until every article is searchable, stamping each sampled article when it first shows up. */
    private static Searchable awaitSearchable(List<BenchArticle> items, long before, int samples, FeedFarm farm, ElasticsearchProbe probe,
                                          String index, Pipeline pipeline, Consumer<String> progress) throws Exception {
        Map<String, Integer> pending = new HashMap<>();
        int step = Math.max(1, items.size() / Math.max(1, samples));
        for (int i = 0; samples > 0 && i < items.size(); i += step) {
            pending.put(Ids.article(items.get(i).url()), items.get(i).feed());
        }
        List<Long> latencies = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120 + items.size() / 20).toNanos();
        long nextReport = 0;
        long count = 0;
        while (count < items.size() || !pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("only " + count + " of " + items.size() + " articles became searchable in time; " + pipeline.progress());
            }
            if (pipeline.failure().isPresent()) {
                throw new IllegalStateException("a service failed during the benchmark: " + pipeline.failure().get());
            }
            if (!pending.isEmpty()) {
                List<String> batch = pending.keySet().stream().limit(1000).toList();
                Set<String> visible = probe.visible(index, batch);
                long now = System.nanoTime();
                for (String id : visible) {
                    Long served = farm.firstServed(pending.remove(id));
                    latencies.add((now - (served == null ? now : served)) / 1_000_000);
                }
            }
            count = probe.count(index) - before;
            if (System.nanoTime() > nextReport) {
                progress.accept("bench e2e: " + count + " of " + items.size() + " articles searchable; " + pipeline.progress());
                nextReport = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            }
            Thread.sleep(CHECK_EVERY.toMillis());
        }
        long done = System.nanoTime();
        return new Searchable(latencies.stream().mapToLong(Long::longValue).sorted().toArray(), done);
    }

    /** When the first of the feeds from {@code from} on was first polled (System.nanoTime). */
    private static long firstPoll(FeedFarm farm, int from) {
        long first = Long.MAX_VALUE;
        for (int f = from; f < farm.feedCount(); f++) {
            Long served = farm.firstServed(f);
            if (served != null) {
                first = Math.min(first, served);
            }
        }
        return first;
    }

    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
