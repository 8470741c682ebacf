package dev.newsroom.app.internal;

import dev.newsroom.model.Topic;
import dev.newsroom.model.config.KafkaConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records each topic has received (the sum of its partitions' end offsets), for the
 * progress line. One admin client, reused; a topic that cannot be read counts as -1.
 */
public final class TopicCounts implements AutoCloseable {
    private final Admin admin;

    public TopicCounts(KafkaConnection kafka) {
        this.admin = Admin.create(kafka.baseProperties());
    }

    /** Records written to each topic so far, by topic name; -1 for a topic that could not be read. */
    public Map<String, Long> count(List<Topic<?, ?>> topics, Duration timeout) {
        Map<String, Long> counts = new HashMap<>();
        for (Topic<?, ?> topic : topics) {
            counts.put(topic.name(), count(topic.name(), timeout));
        }
        return counts;
    }

    private long count(String topic, Duration timeout) {
        try {
            var description = admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(request).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
