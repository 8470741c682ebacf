package dev.newsroom.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.embedded.testing.NewsroomClusterExtension;
import dev.newsroom.embedded.testing.TestCluster;
import dev.newsroom.model.Article;
import dev.newsroom.model.DeadLetter;
import dev.newsroom.model.Ids;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.RawArticle;
import dev.newsroom.model.Topic;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.streams.internal.StoryAssigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The topology on the real broker, exactly-once, with a poison record among good ones. */
@ExtendWith(NewsroomClusterExtension.class)
class StreamsServiceIT {
    @TempDir
    Path stateDir;

    /** Reads {@code topic} from the start (committed records only) until {@code done} holds for what was read. */
    private static <K, V> List<ConsumerRecord<K, V>> readUntil(TestCluster cluster, Topic<K, V> topic, String group,
                                                              Predicate<List<ConsumerRecord<K, V>>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return done.test(records);
            });
        }
        return records;
    }

    private static <K, V> List<V> readAll(TestCluster cluster, Topic<K, V> topic, int expected) {
        return readUntil(cluster, topic, "reader-" + topic.name(), read -> read.size() >= expected).stream()
                .map(ConsumerRecord::value).toList();
    }

    private static Article firstWithId(TestCluster cluster, Topic<String, Article> topic, String id) {
        return readUntil(cluster, topic, "reader-" + id, read -> read.stream().anyMatch(r -> id.equals(r.key()))).stream()
                .filter(r -> id.equals(r.key())).findFirst().orElseThrow().value();
    }

    /** A producer of raw articles to the cluster. */
    private static KafkaProducer<String, RawArticle> rawProducer(TestCluster cluster, NewsTopics topics) {
        return new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", cluster.bootstrapServers()),
                topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer());
    }

    /** Creates the topics with {@code prefix} and returns the configuration of a streams service on them. */
    private NewsStreamsConfig serviceOn(TestCluster cluster, String prefix) throws Exception {
        NewsTopics topics = NewsTopics.withPrefix(prefix);
        cluster.createTopics(3, topics.raw().name(), topics.articles().name(), topics.stories().name(), topics.dlq().name());
        return NewsStreamsConfig.from(ConfigSource.ofFlags(Map.of(
                "bootstrap.servers", cluster.bootstrapServers(),
                "topic.prefix", prefix,
                "streams.application-id", prefix + "streams",
                "streams.state-dir", stateDir.toString())));
    }

    @Test
    void shouldCleanArticlesAndDeadLetterAPoisonRecordOnTheRealBroker(TestCluster cluster) throws Exception {
        String prefix = cluster.uniquePrefix();
        NewsTopics topics = NewsTopics.withPrefix(prefix);
        NewsStreamsConfig config = serviceOn(cluster, prefix);
        String url = "https://landdestroyer.blogspot.com/2015/11/us-turkey-provocation.html";
        RawArticle good = new RawArticle(Ids.article(url), null, "https://landdestroyer.blogspot.com/feeds/posts/default", url,
                null, "US-Turkey Provocation", null, "<p>Incirlik.</p>", null, null, null, Instant.now(), null, "en");

        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", cluster.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer());
             StreamsService service = new StreamsService(config)) {
            producer.send(new ProducerRecord<>(topics.raw().name(), "a-poison".getBytes(StandardCharsets.UTF_8),
                    "{\"schema\":1,\"id\":".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(topics.raw().name(), good.id().getBytes(StandardCharsets.UTF_8),
                    topics.raw().valueSerde().serializer().serialize(topics.raw().name(), good))).get();
            service.start();

            List<Article> articles = readAll(cluster, topics.articles(), 1);
            List<DeadLetter> letters = readAll(cluster, topics.dlq(), 1);

            assertThat(articles).singleElement().satisfies(a -> {
                assertThat(a.id()).isEqualTo(good.id());
                assertThat(a.text()).isEqualTo("Incirlik.");
            });
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(letter.stage()).isEqualTo("streams");
                assertThat(letter.topic()).isEqualTo(topics.raw().name());
                assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{\"schema\":1,\"id\":");
                assertThat(letter.error()).startsWith("Record is not valid JSON for RawArticle on topic " + topics.raw().name());
            });
            assertThat(service.failed()).isFalse();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(service.snapshot()).isEqualTo(new StreamsService.Snapshot(1, 1, 1)));
        }
    }

    /**
     * A story that takes many copies within one story interval is sent once per interval, as its latest revision, not
     * once per copy (ADR 14): the records on the stories topic are fewer than the copies, their revisions grow, and the
     * last one counts every copy.
     */
    @Test
    void shouldSendTheLatestRevisionOfAStoryOncePerStoryInterval(TestCluster cluster) throws Exception {
        String prefix = cluster.uniquePrefix();
        NewsTopics topics = NewsTopics.withPrefix(prefix);
        NewsStreamsConfig config = serviceOn(cluster, prefix);
        RawArticle original = SeedCase.landDestroyer(SeedCase.PUBLISHED);
        int copies = 40;
        try (var producer = rawProducer(cluster, topics);
             StreamsService service = new StreamsService(config)) {
            producer.send(new ProducerRecord<>(topics.raw().name(), original.id(), original)).get();
            for (int i = 1; i < copies; i++) {
                String url = "https://mirror" + i + ".example/2015/11/us-turkey-provocation.html";
                RawArticle copy = SeedCase.raw(url, "https://mirror" + i + ".example/feed", "<p>Mirror " + i + " reposts:</p>\n"
                        + original.contentHtml(), SeedCase.PUBLISHED.plus(Duration.ofMinutes(i)));
                producer.send(new ProducerRecord<>(topics.raw().name(), copy.id(), copy));
            }
            producer.flush();
            service.start();

            // the raw topic has 3 partitions, so any of the copies may found the story
            List<ConsumerRecord<String, dev.newsroom.model.Story>> read = readUntil(cluster, topics.stories(), "reader-stories",
                    records -> records.stream().anyMatch(r -> r.value() != null && r.value().copyCount() == copies));
            String storyId = read.stream().filter(r -> r.value() != null && r.value().copyCount() == copies).findFirst().orElseThrow().key();
            List<dev.newsroom.model.Story> sent = read.stream().filter(r -> storyId.equals(r.key())).map(ConsumerRecord::value).toList();

            assertThat(sent).as("records of the story").hasSizeLessThan(copies);
            assertThat(sent).extracting(dev.newsroom.model.Story::revision).isSorted().doesNotHaveDuplicates();
            assertThat(sent.get(sent.size() - 1)).satisfies(last -> {
                assertThat(last.revision()).isEqualTo(copies);
                assertThat(last.copyCount()).isEqualTo(copies);
                assertThat(last.canonical().articleId()).isEqualTo(original.id());
            });
        }
    }

    /**
     * The LSH bucket store has no changelog: an instance that starts from the changelogs alone
     * (here: its state directory deleted, as on a new machine) must rebuild it from the articles,
     * or a copy arriving later would not find its original.
     */
    @Test
    void shouldFindTheOriginalOfACopyAfterTheStateWasRestoredFromItsChangelogs(TestCluster cluster) throws Exception {
        String prefix = cluster.uniquePrefix();
        NewsTopics topics = NewsTopics.withPrefix(prefix);
        NewsStreamsConfig config = serviceOn(cluster, prefix);
        RawArticle original = SeedCase.landDestroyer(SeedCase.PUBLISHED);
        RawArticle copy = SeedCase.globalResearch(SeedCase.PUBLISHED.plus(Duration.ofHours(5)));

        try (var producer = rawProducer(cluster, topics)) {
            try (StreamsService service = new StreamsService(config)) {
                producer.send(new ProducerRecord<>(topics.raw().name(), original.id(), original)).get();
                service.start();
                readAll(cluster, topics.articles(), 1);
            }
            org.apache.kafka.common.utils.Utils.delete(stateDir.toFile());

            try (StreamsService service = new StreamsService(config)) {
                service.start();
                producer.send(new ProducerRecord<>(topics.raw().name(), copy.id(), copy)).get();

                Article copyOut = firstWithId(cluster, topics.articles(), copy.id());
                assertThat(copyOut.storyId()).isEqualTo(StoryAssigner.storyIdOf(original.id()));
                assertThat(copyOut.joined().matchedArticleId()).isEqualTo(original.id());
                assertThat(service.failed()).isFalse();
            }
        }
    }
}
