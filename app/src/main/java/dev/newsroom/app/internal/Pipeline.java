package dev.newsroom.app.internal;

import dev.newsroom.app.Newsroom;
import dev.newsroom.indexer.ArticleIndexer;
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
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three services in this process, wired by hand in the order data flows backwards (indexer,
 * streams, ingest) so that nothing is produced before its reader runs. Used by {@code newsroom run}
 * and by the end-to-end benchmark; each service is added to the caller's {@link Lifecycle}.
 */
public final class Pipeline {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
    private final IngestService ingest;
    private final StreamsService streams;
    private final ArticleIndexer indexer;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private Pipeline(IngestService ingest, StreamsService streams, ArticleIndexer indexer) {
        this.ingest = ingest;
        this.streams = streams;
        this.indexer = indexer;
    }

    /** Starts indexer, streams and ingest against the Kafka and Elasticsearch of {@code config}. */
    public static Pipeline start(ConfigSource config, IngestConfig ingestConfig, KafkaConnection kafka, NewsTopics topics,
                                 Lifecycle lifecycle) {
        return start(config, ingestConfig, kafka, topics, lifecycle, new SimpleMeterRegistry());
    }

    /** Like {@link #start(ConfigSource, IngestConfig, KafkaConnection, NewsTopics, Lifecycle)}, with ingest's meters in {@code meters}. */
    public static Pipeline start(ConfigSource config, IngestConfig ingestConfig, KafkaConnection kafka, NewsTopics topics,
                                 Lifecycle lifecycle, MeterRegistry meters) {
        ArticleIndexer indexer = lifecycle.add("indexer", new ArticleIndexer(IndexerConfig.from(config), kafka,
                ElasticsearchConnection.from(config), topics, Names.indices(config)));
        StreamsService streams = lifecycle.add("streams", new StreamsService(NewsStreamsConfig.from(config)));
        IngestService ingest = lifecycle.add("ingest", new IngestService(ingestConfig, kafka, topics, meters, Clock.systemUTC()));
        Pipeline pipeline = new Pipeline(ingest, streams, indexer);
        pipeline.startThread("newsroom-indexer", indexer);
        streams.start();
        pipeline.startThread("newsroom-ingest", ingest::run);
        return pipeline;
    }

    /** The one-sentence progress of the three services. */
    public String progress() {
        return Progress.line(ingest.snapshot(), streams.snapshot(), indexer.snapshot());
    }

    /** Why a service stopped, if one did. */
    public Optional<String> failure() {
        if (failure.get() != null) {
            return Optional.of(Newsroom.oneLine(failure.get()));
        }
        return streams.failed() ? Optional.of("the stream topology stopped after an error") : Optional.empty();
    }

    private void startThread(String name, Runnable loop) {
        Thread thread = new Thread(() -> {
            try {
                loop.run();
            } catch (Throwable e) {
                log.error("{} stopped after an error: {}", name, e.toString(), e);
                failure.compareAndSet(null, e);
            }
        }, name);
        thread.start();
    }
}
