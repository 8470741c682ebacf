package dev.newsroom.app.internal;

import dev.newsroom.indexer.ArticleIndexer;
import dev.newsroom.ingest.IngestService;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.Topic;
import dev.newsroom.model.config.KafkaConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The progress line of {@code newsroom run}: what ingest polled, what reached the topics (from
 * their end offsets), what the indexer wrote, and what went wrong.
 */
public final class Progress implements AutoCloseable {
    private final TopicCounts counts;
    private final NewsTopics topics;
    private final Supplier<IngestService.Snapshot> ingest;
    private final Supplier<ArticleIndexer.Snapshot> indexer;

    public Progress(KafkaConnection kafka, NewsTopics topics, Supplier<IngestService.Snapshot> ingest,
                    Supplier<ArticleIndexer.Snapshot> indexer) {
        this.counts = new TopicCounts(kafka);
        this.topics = topics;
        this.ingest = ingest;
        this.indexer = indexer;
    }

    /** One sentence, e.g. "Progress: 37 feeds polled (35 failed), 120 raw articles, 0 stories, 118 documents indexed, 2 dead letters." */
    public String line() {
        IngestService.Snapshot polled = ingest.get();
        ArticleIndexer.Snapshot indexed = indexer.get();
        List<Topic<?, ?>> counted = List.of(topics.raw(), topics.stories(), topics.dlq());
        Map<String, Long> records = counts.count(counted, Duration.ofSeconds(2));
        return format(polled, indexed, records.get(topics.raw().name()), records.get(topics.stories().name()),
                records.get(topics.dlq().name()));
    }

    static String format(IngestService.Snapshot polled, ArticleIndexer.Snapshot indexed, long raw, long stories, long deadLetters) {
        return "Progress: " + polled.feedsPolled() + " feeds polled (" + polled.errors() + " failed), "
                + count(raw) + " raw articles, " + count(stories) + " stories, "
                + indexed.indexed() + " documents indexed, " + count(deadLetters) + " dead letters.";
    }

    private static String count(long n) {
        return n < 0 ? "?" : Long.toString(n);
    }

    @Override
    public void close() {
        counts.close();
    }
}
