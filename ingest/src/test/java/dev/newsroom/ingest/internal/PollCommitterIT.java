package dev.newsroom.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.newsroom.embedded.testing.NewsroomClusterExtension;
import dev.newsroom.embedded.testing.TestCluster;
import dev.newsroom.ingest.support.TopicRecorder;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.Topic;
import dev.newsroom.model.config.KafkaConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Zombie fencing on the real broker: a committer whose instance is no longer a member of the
 * group's current generation cannot commit, and nothing of its transaction is visible.
 */
@ExtendWith(NewsroomClusterExtension.class)
class PollCommitterIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private KafkaConnection kafka;
    private NewsTopics topics;
    private Topic<String, String> out;
    private String group;
    private final AtomicReference<ConsumerGroupMetadata> metadata = new AtomicReference<>();
    private PollCommitter committer;

    @BeforeEach
    void start(TestCluster cluster) {
        String prefix = cluster.uniquePrefix();
        topics = NewsTopics.withPrefix(prefix);
        out = new Topic<>(prefix + "out", Serdes.String(), Serdes.String());
        cluster.createTopics(2, topics.feeds().name(), out.name());
        kafka = new KafkaConnection(cluster.bootstrapServers(), Map.of());
        group = prefix + "ingest";
        committer = new PollCommitter(KafkaClients.transactionalProducer(kafka, group), "commit-under-test", metadata::get);
    }

    @AfterEach
    void stop() {
        committer.close();
    }

    private KafkaConsumer<byte[], byte[]> member() {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaClients.feedsConsumer(kafka, group));
        consumer.subscribe(List.of(topics.feeds().name()));
        return consumer;
    }

    private static void pollUntilAssigned(KafkaConsumer<byte[], byte[]> consumer, int partitions) {
        await("an assignment of " + partitions + " partitions").atMost(WAIT)
                .until(() -> consumer.poll(Duration.ofMillis(100)).isEmpty() && consumer.assignment().size() == partitions);
    }

    private void commit(String value) throws InterruptedException {
        committer.commit(List.of(PollCommitter.Out.of(out, "feed", value)), new TopicPartition(topics.feeds().name(), 0), 1);
    }

    @Test
    void shouldRefuseTheCommitOfAnInstanceThatLeftTheGroup() throws Exception {
        try (KafkaConsumer<byte[], byte[]> survivor = member();
             TopicRecorder<String, String> reader = new TopicRecorder<>(kafka.bootstrapServers(), out)) {
            KafkaConsumer<byte[], byte[]> zombie = member();
            pollUntilAssigned(zombie, 2);
            metadata.set(zombie.groupMetadata());
            zombie.close();
            pollUntilAssigned(survivor, 2);

            assertThatThrownBy(() -> commit("from the zombie")).isInstanceOf(CommitFailedException.class);

            metadata.set(survivor.groupMetadata());
            commit("from the owner");
            await("the owner's record").atMost(WAIT).until(() -> !reader.values().isEmpty());
            assertThat(reader.values()).containsExactly("from the owner");
        }
    }

    @Test
    void shouldRefuseACommitUnderAGenerationThatARebalanceEnded() throws Exception {
        try (KafkaConsumer<byte[], byte[]> first = member(); KafkaConsumer<byte[], byte[]> second = member()) {
            pollUntilAssigned(first, 2);
            ConsumerGroupMetadata before = first.groupMetadata();
            await("a rebalance that splits the partitions").atMost(WAIT).until(() -> {
                first.poll(Duration.ofMillis(50));
                second.poll(Duration.ofMillis(50));
                return first.assignment().size() == 1 && second.assignment().size() == 1;
            });
            assertThat(first.groupMetadata().generationId()).isGreaterThan(before.generationId());

            metadata.set(before);
            assertThatThrownBy(() -> commit("stale")).isInstanceOf(CommitFailedException.class);

            metadata.set(first.groupMetadata());
            commit("current");
        }
    }
}
