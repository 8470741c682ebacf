package dev.newsroom.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.model.Article;
import dev.newsroom.model.Ids;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.RawArticle;
import dev.newsroom.model.config.ConfigSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsTopologyTest {
    private static final Instant PUBLISHED = Instant.parse("2015-11-28T08:15:00Z");
    private final NewsTopics topics = NewsTopics.defaults();

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestOutputTopic<String, Article> articles;

    @BeforeEach
    void startDriver() {
        Properties props = NewsStreamsConfig.from(ConfigSource.ofFlags(Map.of(
                "bootstrap.servers", "unused:9092",
                "streams.state-dir", stateDir.toString()))).streamsProperties();
        driver = new TopologyTestDriver(NewsTopology.build(topics), props);
        raw = driver.createInputTopic(topics.raw().name(), topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer());
        articles = driver.createOutputTopic(topics.articles().name(), topics.articles().keySerde().deserializer(),
                topics.articles().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private static RawArticle landDestroyer() {
        String url = "https://landdestroyer.blogspot.com/2015/11/us-turkey-provocation.html";
        return new RawArticle(Ids.article(url), null, "https://landdestroyer.blogspot.com/feeds/posts/default", url, null,
                "US-Turkey <b>Provocation</b>", null, "<p>Turkey shot down a Russian Su-24.</p><p>NATO backed it.</p>",
                "Tony Cartalucci", List.of(), PUBLISHED, PUBLISHED.plusSeconds(60), null, "en");
    }

    @Test
    void shouldCleanARawArticleIntoAnArticleKeyedByItsId() {
        RawArticle input = landDestroyer();
        raw.pipeInput(input.id(), input, PUBLISHED);

        var record = articles.readRecord();
        Article article = record.value();
        assertThat(record.key()).isEqualTo(input.id());
        assertThat(article.title()).isEqualTo("US-Turkey Provocation");
        assertThat(article.text()).isEqualTo("Turkey shot down a Russian Su-24.\n\nNATO backed it.");
        assertThat(article.site()).isEqualTo("landdestroyer.blogspot.com");
        assertThat(article.publishedAt()).isEqualTo(PUBLISHED);
        assertThat(article.canonical()).isTrue();
        assertThat(article.storyId()).isEqualTo("s-" + input.id().substring(2));
        assertThat(article.joined().matchedArticleId()).isEmpty();
        assertThat(articles.isEmpty()).isTrue();
    }

    @Test
    void shouldSkipTombstones() {
        raw.pipeInput("a-1", null, PUBLISHED);

        assertThat(articles.isEmpty()).isTrue();
    }

    @Test
    void shouldGoOnAfterARecordThatIsNotJson() {
        var bytesIn = driver.createInputTopic(topics.raw().name(), new ByteArraySerializer(), new ByteArraySerializer());

        bytesIn.pipeInput("a-bad".getBytes(StandardCharsets.UTF_8), "<rss>not json".getBytes(StandardCharsets.UTF_8));
        RawArticle good = landDestroyer();
        raw.pipeInput(good.id(), good, PUBLISHED);

        assertThat(articles.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(good.id());
    }

    @Test
    void shouldDeadLetterAnArticleWithoutText() {
        var dlq = driver.createOutputTopic(topics.dlq().name(), topics.dlq().keySerde().deserializer(), topics.dlq().valueSerde().deserializer());
        RawArticle good = landDestroyer();
        RawArticle empty = new RawArticle(Ids.article("https://x.org/empty"), null, "https://x.org/feed", "https://x.org/empty", null,
                "Only a title", null, "<p> </p>", null, List.of(), PUBLISHED, PUBLISHED, null, "en");

        raw.pipeInput(empty.id(), empty, PUBLISHED);
        raw.pipeInput(good.id(), good, PUBLISHED);

        assertThat(dlq.readValuesToList()).singleElement().satisfies(letter -> {
            assertThat(letter.stage()).isEqualTo("streams");
            assertThat(letter.error()).contains("has no text");
        });
        assertThat(articles.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(good.id());
    }

    @Test
    void shouldKeepTheDescribedShapeOfTheTopology() throws IOException {
        String expected;
        try (InputStream in = getClass().getResourceAsStream("/topology.txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String actual = NewsTopology.build(topics).describe().toString();
        Files.writeString(Path.of("target", "topology.actual.txt"), actual);

        assertThat(sortedStores(actual))
                .as("the topology changed shape: review target/topology.actual.txt and copy it to src/test/resources/topology.txt")
                .isEqualTo(sortedStores(expected));
    }

    /** The store names of each processor in sorted order: describe() lists them in no fixed order. */
    private static String sortedStores(String described) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("stores: \\[([^\\]]*)\\]").matcher(described);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String sorted = java.util.Arrays.stream(m.group(1).split(", ")).sorted().collect(java.util.stream.Collectors.joining(", "));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement("stores: [" + sorted + "]"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
