package dev.newsroom.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newsroom.embedded.testing.NewsroomClusterExtension;
import dev.newsroom.embedded.testing.TestCluster;
import dev.newsroom.indexer.ElasticsearchClients;
import dev.newsroom.model.Article;
import dev.newsroom.model.IndexNames;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.config.ElasticsearchConnection;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsroom indexer} in a JVM of its own, SIGKILLed while it writes: a second indexer of
 * the same group finishes the topic, and every article is in the index, none missing.
 */
@ExtendWith(NewsroomClusterExtension.class)
class IndexerKillIT {
    private static final int ARTICLES = 3000;
    private static final Duration WAIT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldIndexEveryArticleExactlyOnceAfterTheIndexerIsKilledMidBatch(TestCluster cluster) throws Exception {
        String prefix = cluster.uniquePrefix();
        NewsTopics topics = NewsTopics.withPrefix(prefix);
        IndexNames indices = IndexNames.withPrefix(prefix);
        cluster.createTopics(1, topics.articles().name(), topics.stories().name(), topics.feedStatus().name(), topics.dlq().name());
        Path config = Files.writeString(dir.resolve("indexer.properties"), String.join("\n",
                "topic.prefix=" + prefix, "index.prefix=" + prefix, "indexer.group-id=" + prefix + "indexer",
                "indexer.batch-size=20", "indexer.concurrent-requests=1", "indexer.flush-interval=50ms", ""));
        produce(cluster.bootstrapServers(), topics);

        try (ElasticsearchClient client = ElasticsearchClients.create(ElasticsearchConnection.of(URI.create(cluster.elasticsearchUrl())))) {
            Path firstLog = dir.resolve("first.log");
            Process first = startIndexer(cluster, config, firstLog);
            await("the first indexer to write some articles").atMost(WAIT).ignoreExceptionsMatching(e -> !(e instanceof AssertionError))
                    .until(() -> {
                        assertThat(first.isAlive()).as("the indexer exited early; its output:%n%s", Files.readString(firstLog)).isTrue();
                        return count(client, indices.articles()) >= 200;
                    });
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            long atKill = count(client, indices.articles());
            assertThat(atKill).as("killed mid-stream").isLessThan(ARTICLES);

            Process second = startIndexer(cluster, config, dir.resolve("second.log"));
            await("the second indexer to finish the topic").atMost(WAIT).ignoreExceptions()
                    .until(() -> committed(cluster, prefix + "indexer", topics.articles().name()) == ARTICLES);
            assertThat(second.isAlive()).isTrue();
            assertThat(count(client, indices.articles())).as("every article, each once (ids a0..a%d)", ARTICLES - 1).isEqualTo(ARTICLES);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < ARTICLES; i += 499) {
                ids.add("a" + i);
            }
            assertThat(client.mget(m -> m.index(indices.articles()).ids(ids), Map.class).docs())
                    .allSatisfy(d -> assertThat(d.result().found()).isTrue());
        }
    }

    private Process startIndexer(TestCluster cluster, Path config, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), Newsroom.class.getName(),
                "indexer", "--bootstrap-servers", cluster.bootstrapServers(), "--elasticsearch-url", cluster.elasticsearchUrl(),
                "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        return process;
    }

    private static void produce(String bootstrapServers, NewsTopics topics) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        String topic = topics.articles().name();
        Instant when = Instant.parse("2015-11-28T12:00:00Z");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < ARTICLES; i++) {
                Article a = new Article("a" + i, "s" + i, true, 1.0, "https://example.org/a" + i, "example.org", "Title " + i,
                        "Text of article " + i + ".", "https://example.org/feed", when, when, List.of(), List.of(), List.of(), "en");
                producer.send(new ProducerRecord<>(topic, a.id().getBytes(StandardCharsets.UTF_8),
                        topics.articles().valueSerde().serializer().serialize(topic, a)));
            }
            producer.flush();
        }
    }

    private static long count(ElasticsearchClient client, String index) throws IOException {
        client.indices().refresh(r -> r.index(index));
        return client.count(c -> c.index(index)).count();
    }

    private static long committed(TestCluster cluster, String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(new TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        }
    }
}
