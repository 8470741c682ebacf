package dev.newsroom.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.embedded.testing.NewsroomClusterExtension;
import dev.newsroom.embedded.testing.TestCluster;
import dev.newsroom.model.Article;
import dev.newsroom.model.Ids;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.RawArticle;
import dev.newsroom.model.config.ConfigSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same stories whatever the raw partition count and the number of instances: the stories
 * formed on the real broker with 1 raw partition and one instance, and with 6 raw partitions and
 * two instances, both equal those of the topology fed the same articles one by one.
 */
@ExtendWith(NewsroomClusterExtension.class)
class StoriesAtScaleIT {
    private static final Instant T0 = Instant.parse("2018-07-15T08:00:00Z");

    @TempDir
    Path stateDir;

    /** The seed case and groups of synthetic copies (wrapped, excerpted, re-delivered), with unrelated articles between them. */
    private static List<RawArticle> corpus() {
        List<RawArticle> articles = new ArrayList<>();
        articles.add(SeedCase.globalResearch(T0));
        for (int story = 0; story < 8; story++) {
            String text = StoriesTopologyTest.words(100 + story, 300 + 40 * story);
            for (int copy = 0; copy < 3; copy++) {
                String body = switch (copy) {
                    case 0 -> text;
                    case 1 -> "Region: Europe\n\n" + text + "\n\nShare this article";
                    default -> StoriesTopologyTest.words(200 + story, 150) + "\n\n" + text;
                };
                articles.add(raw("site" + copy + ".example", "story-" + story, body, T0.plusSeconds(600L * story + 60L * (2 - copy))));
            }
            articles.add(raw("other.example", "unrelated-" + story, StoriesTopologyTest.words(300 + story, 400), T0.plusSeconds(600L * story)));
        }
        articles.add(SeedCase.landDestroyer(T0.plusSeconds(3600)));
        articles.add(articles.get(2));
        return articles;
    }

    private static RawArticle raw(String site, String path, String text, Instant published) {
        String url = "https://" + site + "/" + path;
        return new RawArticle(Ids.article(url), null, "https://" + site + "/feed", url, null, path, null,
                SeedCase.html(List.of(text.split("\n\n"))), null, List.of(), published, published.plusSeconds(5), null, "en");
    }

    /** Stories as sets of article ids, each with its canonical article id, independent of story ids. */
    private static Map<Set<String>, String> stories(Map<String, Article> latest) {
        Map<String, Set<String>> members = new HashMap<>();
        Map<String, String> canonical = new HashMap<>();
        for (Article a : latest.values()) {
            members.computeIfAbsent(a.storyId(), k -> new TreeSet<>()).add(a.id());
            if (a.canonical()) {
                canonical.put(a.storyId(), a.id());
            }
        }
        Map<Set<String>, String> out = new HashMap<>();
        members.forEach((story, ids) -> out.put(ids, canonical.getOrDefault(story, "none")));
        return out;
    }

    private Map<Set<String>, String> expected(List<RawArticle> articles) {
        NewsTopics topics = NewsTopics.defaults();
        Properties props = NewsStreamsConfig.from(ConfigSource.ofFlags(Map.of("bootstrap.servers", "unused:9092",
                "streams.state-dir", stateDir.resolve("driver").toString()))).streamsProperties();
        try (TopologyTestDriver driver = new TopologyTestDriver(NewsTopology.build(topics), props)) {
            TestInputTopic<String, RawArticle> in = driver.createInputTopic(topics.raw().name(),
                    topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer());
            articles.forEach(a -> in.pipeInput(a.id(), a, a.fetchedAt()));
            Map<String, Article> latest = new TreeMap<>();
            driver.createOutputTopic(topics.articles().name(), topics.articles().keySerde().deserializer(),
                    topics.articles().valueSerde().deserializer()).readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
            return stories(latest);
        }
    }

    private Map<Set<String>, String> onTheBroker(TestCluster cluster, List<RawArticle> articles, int partitions, int instances) throws Exception {
        String prefix = cluster.uniquePrefix();
        NewsTopics topics = NewsTopics.withPrefix(prefix);
        cluster.createTopics(partitions, topics.raw().name(), topics.articles().name(), topics.stories().name(), topics.dlq().name());
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", cluster.bootstrapServers()),
                topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer())) {
            for (RawArticle a : articles) {
                producer.send(new ProducerRecord<>(topics.raw().name(), null, a.fetchedAt().toEpochMilli(), a.id(), a)).get();
            }
        }
        List<StreamsService> services = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                services.add(new StreamsService(NewsStreamsConfig.from(ConfigSource.ofFlags(Map.of(
                        "bootstrap.servers", cluster.bootstrapServers(),
                        "topic.prefix", prefix,
                        "streams.application-id", prefix + "streams",
                        "streams.state-dir", stateDir.resolve(prefix + i).toString())))));
            }
            services.forEach(StreamsService::start);
            Map<Set<String>, String> want = expected(articles);
            Map<String, Article> latest = new TreeMap<>();
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, prefix + "reader");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            try (var consumer = new KafkaConsumer<>(props, topics.articles().keySerde().deserializer(), topics.articles().valueSerde().deserializer())) {
                consumer.subscribe(List.of(topics.articles().name()));
                await().atMost(Duration.ofSeconds(120)).until(() -> {
                    consumer.poll(Duration.ofMillis(250)).forEach(r -> latest.put(r.key(), r.value()));
                    return stories(latest).equals(want);
                });
            }
            assertThat(services).noneMatch(StreamsService::failed);
            return stories(latest);
        } finally {
            services.forEach(StreamsService::close);
        }
    }

    @Test
    void shouldFormTheSameStoriesWithOneOrSixPartitionsAndOneOrTwoInstances(TestCluster cluster) throws Exception {
        List<RawArticle> articles = corpus();

        Map<Set<String>, String> one = onTheBroker(cluster, articles, 1, 1);
        Map<Set<String>, String> six = onTheBroker(cluster, articles, 6, 2);

        assertThat(six).isEqualTo(one);
        assertThat(one).hasSize(1 + 8 + 8);
        Set<String> seed = Set.of(Ids.article(SeedCase.LD_URL), Ids.article(SeedCase.GR_URL));
        assertThat(one).containsEntry(new TreeSet<>(seed), Ids.article(SeedCase.LD_URL));
        assertThat(one.keySet().stream().map(Set::size).collect(Collectors.toList())).containsOnly(1, 2, 3);
    }
}
