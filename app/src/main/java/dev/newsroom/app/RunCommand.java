package dev.newsroom.app;

import dev.newsroom.app.internal.ConnectionOptions;
import dev.newsroom.app.internal.IngestOptions;
import dev.newsroom.app.internal.Lifecycle;
import dev.newsroom.app.internal.MetricsEndpoint;
import dev.newsroom.app.internal.Pipeline;
import dev.newsroom.app.internal.TopicProvisioner;
import dev.newsroom.embedded.ElasticsearchSettings;
import dev.newsroom.embedded.EmbeddedElasticsearch;
import dev.newsroom.embedded.EmbeddedKafka;
import dev.newsroom.ingest.FeedList;
import dev.newsroom.ingest.FeedParseException;
import dev.newsroom.ingest.FeedSubscriptions;
import dev.newsroom.ingest.IngestConfig;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.config.ElasticsearchConnection;
import dev.newsroom.model.config.KafkaConnection;
import dev.newsroom.model.config.Names;
import dev.newsroom.model.config.Setting;
import dev.newsroom.streams.NewsStreamsConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsroom run}: a real Kafka broker and a real Elasticsearch on this machine, and the three
 * services against them, until Ctrl-C or SIGTERM. Data stays under {@code --data-dir}, so the next
 * run resumes.
 */
@Command(name = "run", description = "Run the whole pipeline on this machine: embedded Kafka and Elasticsearch plus all services.")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
    static final Setting<Duration> PROGRESS_INTERVAL = Setting.duration("progress.interval", Duration.ofSeconds(5),
            Duration.ofSeconds(1), Duration.ofHours(1), "How often `newsroom run` prints its progress line.");
    static final String DEFAULT_FEEDS = "/dev/newsroom/deploy/feeds.opml";
    static final String FEEDS_LOADED_MARKER = "default-feeds-loaded";

    @Mixin ConnectionOptions connection;

    @Option(names = "--feeds", paramLabel = "FILE.opml", description = "Subscribe to the feeds of this OPML file (default: deploy/feeds.opml, loaded on the first run).")
    Path feeds;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".newsroom", description = "Where Kafka, Elasticsearch and state keep their data (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka-port", paramLabel = "N", defaultValue = "9092", description = "Kafka port on 127.0.0.1; 0 = any free port (default ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--elasticsearch-port", paramLabel = "N", defaultValue = "9200", description = "Elasticsearch HTTP port on 127.0.0.1; 0 = any free port (default ${DEFAULT-VALUE}).")
    int elasticsearchPort;

    @Option(names = "--elasticsearch-heap", paramLabel = "MB", defaultValue = "512", description = "Elasticsearch heap in MiB (default ${DEFAULT-VALUE}).")
    int elasticsearchHeap;

    @Mixin IngestOptions ingestOptions;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve ingest's Prometheus metrics at GET /metrics on this"
            + " port of 127.0.0.1 (metrics.bind) (default: off).")
    String metricsPort;

    @Override
    public Integer call() throws Exception {
        checkPort("--kafka-port", kafkaPort);
        checkPort("--elasticsearch-port", elasticsearchPort);
        Map<String, String> flags = new HashMap<>();
        flags.put(NewsStreamsConfig.STATE_DIR.key(), dataDir.resolve("streams").toString());
        flags.put(TopicProvisioner.PARTITIONS.key(), "3");
        if (metricsPort != null) {
            flags.put(MetricsEndpoint.PORT.key(), metricsPort);
        }
        ConfigSource base = connection.config(ingestOptions.putInto(flags));
        IngestConfig ingestConfig = IngestConfig.from(base);
        Duration progressInterval = base.get(PROGRESS_INTERVAL);
        Optional<FeedList> subscriptions = feedList();
        Files.createDirectories(dataDir);

        Lifecycle lifecycle = new Lifecycle().closeOnShutdown();
        try {
            EmbeddedKafka kafka = lifecycle.add("Kafka", EmbeddedKafka.start(dataDir, kafkaPort));
            log.info("Kafka is up at {} with its data in {}.", kafka.bootstrapServers(), kafka.directory());
            EmbeddedElasticsearch elasticsearch = lifecycle.add("Elasticsearch", EmbeddedElasticsearch.start(elasticsearchSettings()));
            log.info("Elasticsearch {} is up at {}; its log is {}.", elasticsearch.version(), elasticsearch.url(), elasticsearch.logFile());

            ConfigSource config = base.withFlags(Map.of(
                    KafkaConnection.BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers(),
                    ElasticsearchConnection.URL.key(), elasticsearch.url()));
            return runServices(config, ingestConfig, subscriptions, progressInterval, lifecycle);
        } catch (RuntimeException | IOException e) {
            lifecycle.close();
            throw e;
        } finally {
            lifecycle.ownerDone();
        }
    }

    private int runServices(ConfigSource config, IngestConfig ingestConfig, Optional<FeedList> subscriptions,
                            Duration progressInterval, Lifecycle lifecycle) throws IOException, InterruptedException {
        NewsTopics topics = Names.topics(config);
        KafkaConnection kafka = ServiceCommands.connect(config, topics);
        if (subscriptions.isPresent()) {
            subscribe(kafka, topics, subscriptions.get());
        }

        Optional<MetricsEndpoint> metrics = MetricsEndpoint.fromConfig(config);
        metrics.ifPresent(endpoint -> lifecycle.add("the metrics endpoint", endpoint));
        Pipeline pipeline = Pipeline.start(config, ingestConfig, kafka, topics, lifecycle,
                metrics.<MeterRegistry>map(MetricsEndpoint::registry).orElseGet(SimpleMeterRegistry::new));
        CountDownLatch stopped = new CountDownLatch(1);
        lifecycle.add("the progress line", stopped::countDown);

        log.info("newsroom is running; data in {}. Stop with Ctrl-C.", dataDir.toAbsolutePath());
        while (!stopped.await(progressInterval.toMillis(), TimeUnit.MILLISECONDS)) {
            log.info(pipeline.progress());
            Optional<String> failure = pipeline.failure();
            if (failure.isPresent()) {
                System.err.println("newsroom run: a service failed: " + failure.get());
                lifecycle.close();
                return Newsroom.RUNTIME_FAILURE;
            }
        }
        return 0;
    }

    /** The feed list to subscribe to at this start: --feeds, or the default list on the first run, or none. */
    private Optional<FeedList> feedList() {
        Instant now = Clock.systemUTC().instant();
        try {
            if (feeds != null) {
                return Optional.of(FeedList.read(feeds, now));
            }
            if (Files.exists(dataDir.resolve(FEEDS_LOADED_MARKER))) {
                return Optional.empty();
            }
            try (InputStream in = RunCommand.class.getResourceAsStream(DEFAULT_FEEDS)) {
                if (in == null) {
                    throw new IllegalStateException("The default feed list " + DEFAULT_FEEDS + " is missing from the build");
                }
                return Optional.of(FeedList.read(in, now));
            }
        } catch (FeedParseException | IOException e) {
            String name = feeds != null ? feeds.toString() : DEFAULT_FEEDS;
            String reason = e instanceof java.nio.file.NoSuchFileException ? "no such file" : Newsroom.oneLine(e);
            throw new BadInputException("Cannot read the feed list " + name + ": " + reason, e);
        }
    }

    private void subscribe(KafkaConnection kafka, NewsTopics topics, FeedList list) throws IOException, InterruptedException {
        int published = FeedSubscriptions.publish(kafka, topics, list.feeds());
        list.skipped().forEach(reason -> log.warn("Skipped an entry of the feed list: {}", reason));
        log.info("Subscribed to {} feeds from {}.", published, feeds != null ? feeds : "the default feed list");
        if (feeds == null) {
            Files.writeString(dataDir.resolve(FEEDS_LOADED_MARKER),
                    "The default feed list was loaded into Kafka; delete this file to load it again.\n");
        }
    }

    private ElasticsearchSettings elasticsearchSettings() {
        try {
            return ElasticsearchSettings.builder(dataDir).httpPort(elasticsearchPort).heapMegabytes(elasticsearchHeap)
                    .distribution(distribution()).build();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private static Path distribution() {
        Path zip = BuildInfo.elasticsearchZip();
        Path chosen = zip != null ? zip : ElasticsearchSettings.defaultDistribution();
        if (!Files.isRegularFile(chosen)) {
            throw new IllegalStateException("The Elasticsearch " + BuildInfo.elasticsearchVersion() + " distribution is not at "
                    + chosen + "; build the app with ./mvnw package (./newsroom does it) so Maven fetches it, "
                    + "or set NEWSROOM_ELASTICSEARCH_ZIP to the zip");
        }
        return chosen;
    }

    private static void checkPort(String flag, int port) {
        if (port < 0 || port > 65535) {
            throw new BadInputException("Invalid value " + port + " for " + flag + ": expected a port from 0 (any free port) to 65535");
        }
    }

}
