package dev.newsroom.ingest;

import dev.newsroom.ingest.internal.KafkaClients;
import dev.newsroom.ingest.internal.Publisher;
import dev.newsroom.model.FeedSubscription;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.config.KafkaConnection;
import java.util.ArrayList;
import java.util.List;
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
