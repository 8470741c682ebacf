package dev.newsroom.embedded.testing;

import dev.newsroom.embedded.ElasticsearchSettings;
import dev.newsroom.embedded.EmbeddedElasticsearch;
import dev.newsroom.embedded.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka broker and Elasticsearch shared by every test of one test JVM, handed to tests by
 * {@link NewsroomClusterExtension}. Each server starts on first use, on a free port, with its
 * data in a temporary directory; both stop when the test run ends.
 *
 * <p>Tests share the servers, so each test names its topics and indices with a fresh {@link
 * #uniquePrefix()}.
 */
public final class TestCluster {

    private static final Logger LOG = LoggerFactory.getLogger(TestCluster.class);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final String PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final Path dataDir;
    private final AtomicInteger prefixes = new AtomicInteger();
    private EmbeddedKafka kafka;
    private EmbeddedElasticsearch elasticsearch;

    TestCluster(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * The Kafka bootstrap address; starts the broker on first use.
     *
     * @return {@code "127.0.0.1:<port>"}
     */
    public synchronized String bootstrapServers() {
        if (kafka == null) {
            kafka = EmbeddedKafka.start(dataDir, 0);
        }
        return kafka.bootstrapServers();
    }

    /**
     * The Elasticsearch base URL; starts Elasticsearch on first use.
     *
     * @return {@code "http://127.0.0.1:<port>"}
     */
    public synchronized String elasticsearchUrl() {
        if (elasticsearch == null) {
            elasticsearch = EmbeddedElasticsearch.start(ElasticsearchSettings.builder(dataDir).httpPort(0).build());
        }
        return elasticsearch.url();
    }

    /**
     * A name prefix no other call in this JVM returned, such as {@code "t3kq7a-"}: lowercase
     * letters, digits and a final dash, valid as the start of a Kafka topic and an
     * Elasticsearch index name.
     *
     * @return the prefix
     */
    public String uniquePrefix() {
        StringBuilder prefix = new StringBuilder("t").append(Integer.toString(prefixes.incrementAndGet(), 36));
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 4; i++) {
            prefix.append(PREFIX_ALPHABET.charAt(random.nextInt(PREFIX_ALPHABET.length())));
        }
        return prefix.append('-').toString();
    }

    /**
     * Creates topics with replication factor 1 and waits until the broker serves all their
     * partitions; starts the broker on first use.
     *
     * @param partitions the number of partitions of each topic, at least 1
     * @param names the topic names
     * @throws IllegalStateException when a topic cannot be created, for example because it exists
     */
    public void createTopics(int partitions, String... names) {
        if (partitions < 1 || names.length == 0) {
            throw new IllegalArgumentException("createTopics needs at least 1 partition and 1 name, but got "
                    + partitions + " and " + Arrays.toString(names) + ".");
        }
        List<String> topics = List.of(names);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(topics.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList())
                    .all().get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Awaitility.await("topics " + topics + " to have leaders for all partitions")
                    .atMost(TOPIC_TIMEOUT)
                    .ignoreExceptions()
                    .until(() -> allPartitionsLed(admin, topics, partitions));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topics " + topics + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics " + topics + ".", e);
        }
    }

    private static boolean allPartitionsLed(Admin admin, List<String> topics, int partitions) throws Exception {
        Map<String, TopicDescription> descriptions = admin.describeTopics(Set.copyOf(topics))
                .allTopicNames().get(5, TimeUnit.SECONDS);
        return descriptions.values().stream().allMatch(description -> description.partitions().size() == partitions
                && description.partitions().stream().allMatch(partition -> partition.leader() != null));
    }

    synchronized void close() {
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        LOG.info("Stopped the test cluster in {}.", dataDir);
    }
}
