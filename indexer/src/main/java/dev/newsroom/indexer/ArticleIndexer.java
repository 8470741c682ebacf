package dev.newsroom.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newsroom.indexer.internal.Backoff;
import dev.newsroom.indexer.internal.DocumentWriter;
import dev.newsroom.indexer.internal.IndexerMetrics;
import dev.newsroom.indexer.internal.KafkaDeadLetterSink;
import dev.newsroom.indexer.internal.KafkaSettings;
import dev.newsroom.indexer.internal.OffsetTracker;
import dev.newsroom.indexer.internal.RecordRouter;
import dev.newsroom.indexer.internal.SourceRecord;
import dev.newsroom.model.IndexNames;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.config.ElasticsearchConnection;
import dev.newsroom.model.config.KafkaConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer service: reads articles, stories and feed status from Kafka and writes them to
 * Elasticsearch through the client's {@code BulkIngester} (see {@link DocumentWriter}).
 *
 * <p>Delivery is at least once: offsets are committed only for records Elasticsearch
 * acknowledged (or that went to the dead-letter topic), and documents have stable ids (article
 * id, story id, feed id and poll time), so a record read twice overwrites its own document.
 * Stories are written with {@code version_type=external} and their revision, so an older revision
 * never replaces a newer one; the version conflict such a write gets counts as success. A record
 * that cannot be decoded, or a document Elasticsearch refuses for good (status 400: a value that
 * does not fit the mapping), becomes a {@link dev.newsroom.model.DeadLetter} on the dead-letter
 * topic. Anything else that fails (429, 5xx, a cluster that is gone) is written again with a
 * growing pause, and its offset stays uncommitted until it succeeds.
 *
 * <p>{@link #run()} installs the index templates, then loops until {@link #close()} is called
 * from another thread.
 */
public final class ArticleIndexer implements Runnable, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ArticleIndexer.class);
    /** Short, so that the poll thread takes over the listener's outcomes and retries promptly. */
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Progress so far, for a progress line.
     *
     * @param indexed      documents Elasticsearch acknowledged
     * @param stale        story writes skipped because the index held the same or a newer revision
     * @param deadLettered records sent to the dead-letter topic
     * @param retries      rounds of writing again what Elasticsearch could not take
     */
    public record Snapshot(long indexed, long stale, long deadLettered, long retries) {}

    private final IndexerConfig config;
    private final ElasticsearchConnection elasticsearch;
    private final IndexNames indices;
    private final RecordRouter router;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> deadLetterProducer;
    private final ElasticsearchClient client;
    private final IndexerMetrics metrics;
    private final OffsetTracker tracker = new OffsetTracker();
    private final DocumentWriter writer;
    private final Set<TopicPartition> owned = new HashSet<>();

    private final Object lifecycle = new Object();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private boolean started;
    private boolean closed;
    private boolean paused;

    /** An indexer with its own meter registry and the system clock. */
    public ArticleIndexer(IndexerConfig config, KafkaConnection kafka, ElasticsearchConnection elasticsearch,
                          NewsTopics topics, IndexNames indices) {
        this(config, kafka, elasticsearch, topics, indices, new SimpleMeterRegistry(), Clock.systemUTC());
    }

    /**
     * An indexer; nothing connects before {@link #run()}.
     *
     * @param registry where the {@code newsroom.indexer.*} meters go
     * @param clock    the time of dead letters
     */
    public ArticleIndexer(IndexerConfig config, KafkaConnection kafka, ElasticsearchConnection elasticsearch,
                          NewsTopics topics, IndexNames indices, MeterRegistry registry, Clock clock) {
        this.config = config;
        this.elasticsearch = elasticsearch;
        this.indices = indices;
        this.router = new RecordRouter(topics, indices);
        this.metrics = new IndexerMetrics(registry);
        this.client = ElasticsearchClients.create(elasticsearch);
        KafkaProducer<byte[], byte[]> producer = null;
        try {
            producer = new KafkaProducer<>(KafkaSettings.deadLetterProducer(kafka, config));
            this.consumer = new KafkaConsumer<>(KafkaSettings.consumer(kafka, config));
        } catch (RuntimeException e) {
            if (producer != null) {
                producer.close();
            }
            closeQuietly(client);
            throw e;
        }
        this.deadLetterProducer = producer;
        this.writer = new DocumentWriter(router, client, new KafkaDeadLetterSink(deadLetterProducer, topics.dlq()), tracker,
                metrics, clock, new DocumentWriter.Settings(config.batchSize(), config.bulkMaxBytes(), config.concurrentRequests(),
                        config.flushInterval(), config.maxRetryBackoff()));
    }

    /** Counts so far; safe from any thread. */
    public Snapshot snapshot() {
        return new Snapshot(metrics.indexed(), metrics.stale(), metrics.deadLettered(), metrics.retries());
    }

    /**
     * Installs the index templates (waiting for Elasticsearch if it is not up yet), then reads and
     * writes until {@link #close()}. Runs once.
     *
     * @throws co.elastic.clients.elasticsearch._types.ElasticsearchException when Elasticsearch
     *         refuses the templates (for example for lack of privileges)
     * @throws KafkaException when Kafka fails for good (for example authorization)
     */
    @Override
    public void run() {
        synchronized (lifecycle) {
            if (started || closed) {
                throw new IllegalStateException("An ArticleIndexer runs once and not after close()");
            }
            started = true;
        }
        try {
            if (!installTemplates()) {
                return;
            }
            consumer.subscribe(router.topicNames(), new Rebalance());
            log.info("The indexer reads {} in group {} and writes to {}.", router.topicNames(), config.groupId(), elasticsearch.url());
            while (!isClosing()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
                if (!records.isEmpty()) {
                    List<SourceRecord> batch = new ArrayList<>(records.count());
                    records.forEach(r -> batch.add(SourceRecord.of(r)));
                    writer.submit(batch);
                }
                holdWhileRetrying(writer.service(owned::contains));
                commit();
            }
        } catch (WakeupException e) {
            if (!isClosing()) {
                throw e;
            }
        } finally {
            shutdown();
        }
    }

    /**
     * Stops {@link #run()} (committing what is done) and releases the clients; waits up to 30
     * seconds for the loop to end. Safe from any thread, more than once.
     */
    @Override
    public void close() {
        boolean wasStarted;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            wasStarted = started;
        }
        closing.countDown();
        if (!wasStarted) {
            closeClients();
            return;
        }
        consumer.wakeup();
        try {
            if (!finished.await(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("The indexer did not stop within {} s; its clients are closed when its loop ends.", CLOSE_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isClosing() {
        return closing.getCount() == 0;
    }

    private boolean installTemplates() {
        Duration backoff = Duration.ofSeconds(1);
        while (!isClosing()) {
            try {
                IndexTemplates.install(client, indices, config.shards(), config.replicas());
                return true;
            } catch (IOException e) {
                log.warn("Elasticsearch at {} cannot be reached to install the index templates ({}); trying again in {} s.",
                        elasticsearch.url(), e.getMessage(), backoff.toSeconds());
                if (await(backoff)) {
                    return false;
                }
                backoff = Backoff.next(backoff, config.maxRetryBackoff());
            }
        }
        return false;
    }

    /**
     * Pauses every partition while documents wait for their next attempt, so that a long
     * Elasticsearch outage neither fills memory nor pushes the consumer out of its group (it keeps
     * polling, getting nothing), and resumes them afterwards.
     */
    private void holdWhileRetrying(boolean hold) {
        if (hold && !paused) {
            consumer.pause(consumer.assignment());
            paused = true;
        } else if (!hold && paused) {
            consumer.resume(consumer.paused());
            paused = false;
        }
    }

    /** @return true when closing began while waiting */
    private boolean await(Duration delay) {
        try {
            return closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void commit() {
        commit(tracker.committable());
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.keySet().retainAll(owned);
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
            tracker.committed(offsets);
            log.debug("Offsets {} are committed.", offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            log.warn("Offsets {} could not be committed because the group is rebalancing; the next owner reads those records again and overwrites their documents.",
                    offsets);
        } catch (RetriableException e) {
            log.warn("Offsets {} could not be committed yet ({}); they are committed with the next batch.", offsets, e.getMessage());
        }
    }

    private void shutdown() {
        try {
            writer.close();
            commit();
        } catch (WakeupException e) {
            commit();
        } catch (KafkaException e) {
            log.warn("Offsets of finished records could not be committed on close ({}); they will be read and indexed again.", e.getMessage());
        } finally {
            closeClients();
            finished.countDown();
            log.info("The indexer stopped: {}.", snapshot());
        }
    }

    private void closeClients() {
        writer.close();
        consumer.close();
        deadLetterProducer.close();
        closeQuietly(client);
    }

    private void closeQuietly(ElasticsearchClient es) {
        try {
            es.close();
        } catch (IOException e) {
            log.warn("The Elasticsearch client for {} did not close cleanly: {}", elasticsearch.url(), e.getMessage());
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> offsets = tracker.committable();
            offsets.keySet().retainAll(partitions);
            commit(offsets);
            tracker.forget(partitions);
            owned.removeAll(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            owned.addAll(partitions);
            if (paused) {
                consumer.pause(partitions);
            }
            log.info("The indexer now owns partitions {}.", owned);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            tracker.forget(partitions);
            owned.removeAll(partitions);
        }
    }
}
