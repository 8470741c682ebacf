package dev.newsroom.app;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newsroom.app.internal.ConnectionOptions;
import dev.newsroom.app.internal.IngestOptions;
import dev.newsroom.app.internal.Lifecycle;
import dev.newsroom.app.internal.MetricsEndpoint;
import dev.newsroom.app.internal.TopicProvisioner;
import dev.newsroom.indexer.ArticleIndexer;
import dev.newsroom.indexer.ElasticsearchClients;
import dev.newsroom.indexer.IndexerConfig;
import dev.newsroom.ingest.IngestConfig;
import dev.newsroom.ingest.IngestService;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.config.ElasticsearchConnection;
import dev.newsroom.model.config.KafkaConnection;
import dev.newsroom.model.config.Names;
import dev.newsroom.streams.NewsStreamsConfig;
import dev.newsroom.streams.StreamsService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Each service alone against an external Kafka (and Elasticsearch): how newsroom scales. More
 * instances of one service share its work through Kafka's consumer groups.
 */
final class ServiceCommands {
    private ServiceCommands() {}

    /** Checks Kafka, creates missing topics, and returns the configuration's Kafka connection. */
    static KafkaConnection connect(ConfigSource config, NewsTopics topics) {
        KafkaConnection kafka = KafkaConnection.from(config);
        TopicProvisioner.ensure(config, kafka, topics);
        return kafka;
    }

    /** Runs a blocking service in this thread until SIGTERM/Ctrl-C closes it. */
    static int runUntilStopped(String name, Runnable loop, AutoCloseable service) {
        Lifecycle lifecycle = new Lifecycle().closeOnShutdown();
        lifecycle.add(name, service);
        loop.run();
        return 0;
    }

    @Command(name = "ingest", description = "Poll the subscribed feeds and publish raw articles (one instance of many).")
    static final class Ingest implements Callable<Integer> {
        @Mixin ConnectionOptions connection;

        @Mixin IngestOptions ingestOptions;

        @Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve Prometheus metrics at GET /metrics on this port (default: off).")
        String metricsPort;

        @Override
        public Integer call() {
            Map<String, String> flags = ingestOptions.putInto(new HashMap<>());
            if (metricsPort != null) {
                flags.put(MetricsEndpoint.PORT.key(), metricsPort);
            }
            ConfigSource config = connection.config(flags);
            IngestConfig ingest = IngestConfig.from(config);
            NewsTopics topics = Names.topics(config);
            KafkaConnection kafka = connect(config, topics);
            Optional<MetricsEndpoint> metrics = MetricsEndpoint.fromConfig(config);
            MeterRegistry meters = metrics.<MeterRegistry>map(MetricsEndpoint::registry).orElseGet(SimpleMeterRegistry::new);
            IngestService service = new IngestService(ingest, kafka, topics, meters, Clock.systemUTC());
            return runUntilStopped("ingest", service::run, () -> {
                service.close();
                metrics.ifPresent(MetricsEndpoint::close);
            });
        }
    }

    @Command(name = "streams", description = "Run the stream topology: clean raw articles, form stories, tag.")
    static final class Streams implements Callable<Integer> {
        @Mixin ConnectionOptions connection;

        @Option(names = "--state-dir", paramLabel = "DIR", description = "Directory for state stores (default ./.newsroom/streams).")
        String stateDir;

        @Override
        public Integer call() throws InterruptedException {
            ConfigSource config = connection.config(stateDir == null ? Map.of() : Map.of(NewsStreamsConfig.STATE_DIR.key(), stateDir));
            NewsStreamsConfig streams = NewsStreamsConfig.from(config);
            connect(config, streams.topics());
            StreamsService service = new StreamsService(streams);
            CountDownLatch stopped = new CountDownLatch(1);
            Lifecycle lifecycle = new Lifecycle().closeOnShutdown();
            lifecycle.add("streams", () -> {
                service.close();
                stopped.countDown();
            });
            service.start();
            while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                if (service.failed()) {
                    System.err.println("newsroom streams: the topology stopped after an error; see the log above");
                    lifecycle.close();
                    return Newsroom.RUNTIME_FAILURE;
                }
            }
            return 0;
        }
    }

    @Command(name = "indexer", description = "Write articles, stories and feed status to Elasticsearch.")
    static final class Indexer implements Callable<Integer> {
        @Mixin ConnectionOptions connection;

        @Override
        public Integer call() {
            ConfigSource config = connection.config(Map.of());
            NewsTopics topics = Names.topics(config);
            IndexerConfig indexer = IndexerConfig.from(config);
            ElasticsearchConnection elasticsearch = ElasticsearchConnection.from(config);
            try (ElasticsearchClient client = ElasticsearchClients.create(elasticsearch)) {
                ElasticsearchClients.check(client, elasticsearch);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            KafkaConnection kafka = connect(config, topics);
            ArticleIndexer service = new ArticleIndexer(indexer, kafka, elasticsearch, topics, Names.indices(config));
            return runUntilStopped("indexer", service, service);
        }
    }
}
