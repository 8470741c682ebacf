package dev.newsroom.app.internal;

import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.Topic;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.config.Setting;
import dev.newsroom.model.config.KafkaConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that Kafka answers and creates the pipeline's topics that do not exist yet: the feed
 * list, feed state and stories compacted, the rest deleted by time. Existing topics are left as
 * they are, so an operator's own partition counts and retention stay.
 */
public final class TopicProvisioner {
    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    /** Partitions of each topic newsroom creates. */
    public static final Setting<Integer> PARTITIONS = Setting.integer(
            "topics.partitions", 6, 1, 10_000, "Partitions of each topic newsroom creates (existing topics are left alone).");
    /** Replication factor of each topic newsroom creates; 0 takes the broker's default.replication.factor. */
    public static final Setting<Integer> REPLICATION_FACTOR = Setting.integer(
            "topics.replication-factor", 0, 0, 32, "Replication factor of new topics; 0 = the broker's default.");
    /** How long to wait for Kafka to answer at start. */
    public static final Setting<Duration> CONNECT_TIMEOUT = Setting.duration(
            "startup.timeout", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(10),
            "How long a service waits for Kafka to answer at start before it gives up.");

    private TopicProvisioner() {}

    /** {@link #ensure(KafkaConnection, NewsTopics, int, Optional, Duration)} with the settings of this process. */
    public static void ensure(ConfigSource config, KafkaConnection kafka, NewsTopics topics) {
        int replicas = config.get(REPLICATION_FACTOR);
        ensure(kafka, topics, config.get(PARTITIONS), replicas == 0 ? Optional.empty() : Optional.of((short) replicas),
                config.get(CONNECT_TIMEOUT));
    }

    /**
     * @param partitions partitions of each new topic
     * @param replicas   replication factor of each new topic; empty for the broker's default
     * @param timeout    how long to wait for Kafka to answer
     * @throws KafkaUnreachableException if Kafka does not answer in time
     */
    public static void ensure(KafkaConnection kafka, NewsTopics topics, int partitions, Optional<Short> replicas, Duration timeout) {
        var props = kafka.baseProperties();
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?, ?> topic : List.of(topics.feeds(), topics.feedState(), topics.stories())) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), Optional.of(partitions), replicas).configs(Map.of(
                            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
                }
            }
            for (Topic<?, ?> topic : List.of(topics.raw(), topics.articles(), topics.feedStatus(), topics.dlq())) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), Optional.of(partitions), replicas));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    log.info("Created topic {} with {} partitions.", entry.getKey(), partitions);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (TimeoutException e) {
            throw unreachable(kafka, timeout, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(kafka, timeout, e.getCause());
            }
            throw new KafkaUnreachableException("Kafka at " + kafka.bootstrapServers() + " refused to list or create topics: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnreachableException("Interrupted while waiting for Kafka at " + kafka.bootstrapServers(), e);
        }
    }

    private static KafkaUnreachableException unreachable(KafkaConnection kafka, Duration timeout, Throwable cause) {
        return new KafkaUnreachableException("Kafka at " + kafka.bootstrapServers() + " did not answer within "
                + timeout.toSeconds() + "s; is it running and reachable?", cause);
    }

    /** Kafka did not answer or refused: a runtime failure, exit code 1. */
    public static final class KafkaUnreachableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KafkaUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
