package dev.newsroom.indexer;

import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newsroom.embedded.testing.TestCluster;
import dev.newsroom.model.DeadLetter;
import dev.newsroom.model.IndexNames;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.Topic;
import dev.newsroom.model.config.ElasticsearchConnection;
import dev.newsroom.model.config.KafkaConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One indexer on the shared test cluster with its own topics, indices and consumer group (all
 * named with a fresh prefix), plus the clients a test needs to feed it and look at the results.
 */
final class IndexerFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);

    final String prefix;
    final NewsTopics topics;
    final IndexNames indices;
    final IndexerConfig config;
    final ElasticsearchClient client;
    final ArticleSearch search;
    private final TestCluster cluster;
    private final String elasticsearchUrl;
    private final KafkaProducer<byte[], byte[]> producer;
    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private ArticleIndexer indexer;
    private Future<?> running;

    IndexerFixture(TestCluster cluster) {
        this(cluster, cluster.elasticsearchUrl(), 100, 2);
    }

    /**
     * A fixture whose indexer writes to the Elasticsearch at {@code elasticsearchUrl}, in bulk
     * requests of at most {@code batchSize} documents, at most {@code concurrentRequests} at once.
     */
    IndexerFixture(TestCluster cluster, String elasticsearchUrl, int batchSize, int concurrentRequests) {
        this.cluster = cluster;
        this.elasticsearchUrl = elasticsearchUrl;
        this.prefix = cluster.uniquePrefix();
        this.topics = NewsTopics.withPrefix(prefix);
        this.indices = IndexNames.withPrefix(prefix);
        this.config = new IndexerConfig(prefix + "indexer", batchSize, Duration.ofMillis(50), Duration.ofSeconds(1), 1, 0,
                IndexerConfig.BULK_MAX_BYTES.defaultValue(), concurrentRequests);
        cluster.createTopics(1, topics.articles().name(), topics.stories().name(), topics.feedStatus().name(), topics.dlq().name());
        this.client = ElasticsearchClients.create(elasticsearch());
        this.search = new ArticleSearch(client, indices);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
    }

    ElasticsearchConnection elasticsearch() {
        return ElasticsearchConnection.of(URI.create(elasticsearchUrl));
    }

    /** Starts the indexer on a thread of its own. */
    ArticleIndexer start() {
        return start(config);
    }

    /** Starts the indexer with another config (another group reads everything again) on a thread of its own. */
    ArticleIndexer start(IndexerConfig with) {
        if (indexer != null) {
            throw new IllegalStateException("One indexer per fixture; stop() the first");
        }
        indexer = new ArticleIndexer(with, new KafkaConnection(cluster.bootstrapServers(), Map.of()), elasticsearch(), topics, indices);
        running = runner.submit(indexer);
        return indexer;
    }

    /** Stops the running indexer, which commits what is done. */
    void stop() throws Exception {
        indexer.close();
        running.get(30, TimeUnit.SECONDS);
        indexer = null;
    }

    /** Sends {@code n} articles a0..a(n-1) without waiting for each acknowledgement. */
    void sendArticles(int from, int n) {
        for (int i = from; i < from + n; i++) {
            String id = "a" + i;
            byte[] value = topics.articles().valueSerde().serializer().serialize(topics.articles().name(),
                    TestData.article(id, "s" + i, "example.org", "Title " + i, "Text of article number " + i + "."));
            producer.send(new ProducerRecord<>(topics.articles().name(), id.getBytes(StandardCharsets.UTF_8), value));
        }
        producer.flush();
    }

    <V> void send(Topic<String, V> topic, String key, V value) {
        sendRaw(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value));
    }

    void sendRaw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not produce to " + topic, e);
        }
    }

    /** Documents in an index after a refresh; 0 when it does not exist yet. */
    long count(String index) {
        try {
            if (!client.indices().exists(e -> e.index(index)).value()) {
                return 0;
            }
            client.indices().refresh(r -> r.index(index));
            return client.count(c -> c.index(index)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void refresh(String index) {
        try {
            client.indices().refresh(r -> r.index(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The committed offset of the indexer's group on partition 0 of a topic; -1 if none. */
    long committedOffset(String topic) {
        return committedOffset(config.groupId(), topic);
    }

    /** The committed offset of a consumer group on partition 0 of a topic; -1 if none. */
    long committedOffset(String groupId, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the offsets of group " + groupId, e);
        }
    }

    /** Waits until the dead-letter topic holds at least {@code n} letters and returns them. */
    List<DeadLetter> awaitDeadLetters(int n) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, prefix + "dlq-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topics.dlq().name()));
            await("dead letters on " + topics.dlq().name()).atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r ->
                        letters.add(topics.dlq().valueSerde().deserializer().deserialize(r.topic(), r.value())));
                return letters.size() >= n;
            });
        }
        return letters;
    }

    @Override
    public void close() throws IOException {
        try {
            if (indexer != null) {
                indexer.close();
                running.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The indexer did not end cleanly", e);
        } finally {
            runner.shutdownNow();
            producer.close();
            client.close();
        }
    }
}
