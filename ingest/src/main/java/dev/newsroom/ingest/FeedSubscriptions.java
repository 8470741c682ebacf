package dev.newsroom.ingest;

import dev.newsroom.ingest.internal.KafkaClients;
import dev.newsroom.ingest.internal.Publisher;
import dev.newsroom.ingest.internal.TopicSnapshot;
import dev.newsroom.model.FeedState;
import dev.newsroom.model.FeedStatus;
import dev.newsroom.model.FeedSubscription;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.config.KafkaConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the feed list into the compacted feeds topic, where the ingest instances pick it up: used
 * by {@code newsroom run} to load the default list and by {@code newsroom feeds add|remove|import}.
 */
public final class FeedSubscriptions {
    private static final Logger LOG = LoggerFactory.getLogger(FeedSubscriptions.class);

    private FeedSubscriptions() {}

    /**
     * Subscribes to the feeds (a record per feed keyed by its id; an existing subscription is
     * replaced) and waits until Kafka has acknowledged all of them.
     *
     * @return how many subscriptions were written
     * @throws KafkaException       when any of them could not be written
     * @throws InterruptedException when interrupted while waiting
     */
    public static int publish(KafkaConnection kafka, NewsTopics topics, List<FeedSubscription> feeds) throws InterruptedException {
        try (Publisher publisher = new Publisher(KafkaClients.producer(kafka, "newsroom-feeds"))) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (FeedSubscription feed : feeds) {
                sends.add(publisher.send(topics.feeds(), feed.id(), feed));
            }
            awaitAll(sends, "subscriptions", topics.feeds().name());
        }
        LOG.info("Published {} feed subscriptions to topic {}.", feeds.size(), topics.feeds().name());
        return feeds.size();
    }

    /**
     * Unsubscribes from the feeds with the given ids (a tombstone per id) and waits for Kafka's acknowledgement.
     *
     * @return how many tombstones were written
     * @throws KafkaException       when any of them could not be written
     * @throws InterruptedException when interrupted while waiting
     */
    public static int remove(KafkaConnection kafka, NewsTopics topics, List<String> feedIds) throws InterruptedException {
        try (Publisher publisher = new Publisher(KafkaClients.producer(kafka, "newsroom-feeds"))) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (String id : feedIds) {
                sends.add(publisher.send(topics.feeds(), id, null));
            }
            awaitAll(sends, "unsubscriptions", topics.feeds().name());
        }
        LOG.info("Removed {} feed subscriptions from topic {}.", feedIds.size(), topics.feeds().name());
        return feedIds.size();
    }

    /**
     * The current subscriptions: the feeds topic read to its end, tombstones applied, in the order
     * they were first subscribed.
     *
     * @throws KafkaException when the topic cannot be read to its end within {@code timeout}
     */
    public static List<FeedSubscription> list(KafkaConnection kafka, NewsTopics topics, Duration timeout) {
        return List.copyOf(TopicSnapshot.latest(kafka, topics.feeds(), timeout).values());
    }

    /**
     * The stored state of every feed that has one: the feed-state topic read to its end, by feed id.
     *
     * @throws KafkaException when the topic cannot be read to its end within {@code timeout}
     */
    public static Map<String, FeedState> states(KafkaConnection kafka, NewsTopics topics, Duration timeout) {
        return TopicSnapshot.latest(kafka, topics.feedState(), timeout);
    }

    /**
     * Hands every feed status polled from {@code since} on to {@code sink}, in topic order per partition.
     *
     * @throws KafkaException when the topic cannot be read to its end within {@code timeout}
     */
    public static void statusesSince(KafkaConnection kafka, NewsTopics topics, Instant since, Duration timeout,
                                     Consumer<FeedStatus> sink) {
        TopicSnapshot.read(kafka, topics.feedStatus(), partition -> true, since, timeout, (key, status) -> {
            if (status != null) {
                sink.accept(status);
            }
        });
    }

    private static void awaitAll(List<Future<RecordMetadata>> sends, String what, String topic) throws InterruptedException {
        int failed = 0;
        Throwable first = null;
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                failed++;
                first = first == null ? e.getCause() : first;
            }
        }
        if (failed > 0) {
            throw new KafkaException("Writing " + failed + " of " + sends.size() + " " + what + " to topic " + topic
                    + " failed: " + first.getMessage(), first);
        }
    }
}
