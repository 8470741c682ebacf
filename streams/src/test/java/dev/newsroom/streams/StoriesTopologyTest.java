package dev.newsroom.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.model.Article;
import dev.newsroom.model.Ids;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.RawArticle;
import dev.newsroom.model.Story;
import dev.newsroom.model.TopicTag;
import dev.newsroom.model.config.ConfigSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Story formation through the real topology: joins, canonical choice, merges, re-deliveries, retention. */
class StoriesTopologyTest {
    private static final Instant T0 = Instant.parse("2015-11-28T08:15:00Z");
    private final NewsTopics topics = NewsTopics.defaults();

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestOutputTopic<String, Article> articles;
    private TestOutputTopic<String, Story> stories;

    @BeforeEach
    void startDriver() {
        Properties props = NewsStreamsConfig.from(ConfigSource.ofFlags(Map.of(
                "bootstrap.servers", "unused:9092",
                "streams.state-dir", stateDir.toString()))).streamsProperties();
        DedupParameters parameters = DedupParameters.from(ConfigSource.ofFlags(Map.of("streams.dedup.retention", "2d")));
        driver = new TopologyTestDriver(NewsTopology.build(topics, parameters), props);
        raw = driver.createInputTopic(topics.raw().name(), topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer());
        articles = driver.createOutputTopic(topics.articles().name(), topics.articles().keySerde().deserializer(),
                topics.articles().valueSerde().deserializer());
        stories = driver.createOutputTopic(topics.stories().name(), topics.stories().keySerde().deserializer(),
                topics.stories().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void send(RawArticle article) {
        raw.pipeInput(article.id(), article, article.fetchedAt());
    }

    /** The last value per key, tombstones as null. */
    private static <V> Map<String, V> latest(TestOutputTopic<String, V> topic) {
        Map<String, V> out = new LinkedHashMap<>();
        for (KeyValue<String, V> kv : topic.readKeyValuesToList()) {
            out.put(kv.key, kv.value);
        }
        return out;
    }

    /** A text of {@code words} words drawn from a made-up vocabulary, the same for the same seed. */
    static String words(long seed, int words) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : (i % 25 == 0 ? ".\n\n" : " "));
            int n = random.nextInt(5000);
            text.append((char) ('a' + n % 26)).append((char) ('a' + (n / 26) % 26)).append("o").append(n);
        }
        return text.append('.').toString();
    }

    /** A photo gallery: captions that each end with a photo credit. */
    private static String gallery(long seed) {
        StringBuilder text = new StringBuilder("Associated Press Monday, July 16, 2018");
        for (int i = 0; i < 8; i++) {
            text.append("\n\nCredit: The Associated Press\n\n").append(words(seed * 100 + i, 20)).append(" (AP Photo/Pablo Martinez Monsivais)");
        }
        return text.toString();
    }

    private static RawArticle article(String site, String path, String text, Instant published) {
        return article(site, path, "Title of " + path, text, published);
    }

    private static RawArticle article(String site, String path, String title, String text, Instant published) {
        String url = "https://" + site + "/" + path;
        return new RawArticle(Ids.article(url), null, "https://" + site + "/feed", url, null, title, null,
                SeedCase.html(List.of(text.split("\n\n"))), null, List.of(), published, published.plusSeconds(60), null, "en");
    }

    @Test
    void shouldFoldRepublishedCopyIntoOriginalStory() {
        RawArticle original = SeedCase.landDestroyer(T0);
        RawArticle copy = SeedCase.globalResearch(T0.plusSeconds(3600));

        send(original);
        send(copy);

        Map<String, Article> copies = latest(articles);
        String storyId = copies.get(original.id()).storyId();
        assertThat(copies.get(copy.id()).storyId()).isEqualTo(storyId);
        assertThat(copies.get(original.id()).canonical()).isTrue();
        assertThat(copies.get(copy.id()).canonical()).isFalse();
        assertThat(copies.get(copy.id()).joined().matchedArticleId()).isEqualTo(original.id());
        assertThat(copies.get(copy.id()).joined().canonicalByAttribution()).isTrue();
        assertThat(copies.get(copy.id()).attribution().name()).isEqualTo("Land Destroyer");
        Story story = latest(stories).get(storyId);
        assertThat(story.canonical().articleId()).isEqualTo(original.id());
        assertThat(story.copies()).extracting(c -> c.site()).containsExactly("landdestroyer.blogspot.com", "globalresearch.ca");
        assertThat(story.revision()).isEqualTo(2);
    }

    @Test
    void shouldTagTheSeedStoryWithWhatItIsAboutAndWhereItHappens() {
        RawArticle original = SeedCase.landDestroyer(T0);
        RawArticle copy = SeedCase.globalResearch(T0.plusSeconds(3600));

        send(original);
        send(copy);

        Map<String, Article> copies = latest(articles);
        Article republished = copies.get(copy.id());
        assertThat(republished.topics()).extracting(TopicTag::code).contains("medtop:16000000", "medtop:20000053");
        assertThat(republished.regions()).first().isEqualTo("Middle East & North Africa");
        assertThat(republished.countries()).contains("SY", "TR", "US", "RU");
        assertThat(republished.language()).isEqualTo("en");
        Story story = latest(stories).get(republished.storyId());
        assertThat(story.topics()).extracting(TopicTag::code)
                .contains("medtop:16000000", "medtop:20000053").containsAnyOf("medtop:11000000", "medtop:20000638");
        assertThat(story.topics()).isSortedAccordingTo(java.util.Comparator.comparingDouble(TopicTag::score).reversed());
        assertThat(story.regions()).contains("Middle East & North Africa");
        assertThat(story.countries()).contains("SY", "TR", "US", "RU");
        assertThat(story.language()).isEqualTo("en");
    }

    @Test
    void shouldMakeTheOriginalCanonicalWhenItArrivesAfterItsCopy() {
        RawArticle original = SeedCase.landDestroyer(T0.plusSeconds(7200));
        RawArticle copy = SeedCase.globalResearch(T0);

        send(copy);
        send(original);

        Map<String, Article> copies = latest(articles);
        String storyId = copies.get(copy.id()).storyId();
        assertThat(storyId).isEqualTo("s-" + copy.id().substring(2));
        assertThat(copies.get(original.id()).storyId()).isEqualTo(storyId);
        assertThat(copies.get(original.id()).canonical()).isTrue();
        assertThat(copies.get(copy.id()).canonical()).isFalse();
        assertThat(copies.get(copy.id()).similarity()).isGreaterThan(0.7);
        Story story = latest(stories).get(storyId);
        assertThat(story.canonical().articleId()).isEqualTo(original.id());
        assertThat(story.revision()).isEqualTo(2);
    }

    @Test
    void shouldMakeTheEarliestPublishedCopyCanonicalWithoutAttribution() {
        String text = words(1, 400);
        RawArticle late = article("b.org", "late", text, T0.plusSeconds(600));
        RawArticle early = article("a.org", "early", "Wire report.\n\n" + text, T0);

        send(late);
        send(early);

        Story story = latest(stories).get("s-" + late.id().substring(2));
        assertThat(story.canonical().articleId()).isEqualTo(early.id());
        assertThat(story.copies()).allSatisfy(c -> assertThat(c.joined().canonicalByAttribution()).isFalse());
    }

    @Test
    void shouldMatchAnExcerptWithReadMoreByContainment() {
        String text = words(2, 600);
        String excerpt = String.join(" ", List.of(text.split(" ")).subList(0, 200)) + "\n\nRead more";
        RawArticle full = article("a.org", "full", text, T0);
        RawArticle teaser = article("b.org", "teaser", excerpt, T0.plusSeconds(60));

        send(full);
        send(teaser);

        Article joined = latest(articles).get(teaser.id());
        assertThat(joined.storyId()).isEqualTo("s-" + full.id().substring(2));
        assertThat(joined.joined().containment()).isGreaterThan(0.8);
        assertThat(joined.joined().jaccard()).isLessThan(0.5);
    }

    @Test
    void shouldMatchACopyWrappedInAPageSeveralTimesItsLength() {
        String text = words(3, 300);
        RawArticle original = article("a.org", "original", text, T0);
        RawArticle wrapped = article("b.org", "wrapped", words(30, 400) + "\n\n" + text + "\n\n" + words(31, 300), T0.plusSeconds(60));

        send(original);
        send(wrapped);

        assertThat(latest(articles).get(wrapped.id()).storyId()).isEqualTo("s-" + original.id().substring(2));
    }

    @Test
    void shouldKeepShortTextsThatAnAggregatorHoldsInTheirOwnStories() {
        String first = words(4, 30);
        String second = words(5, 30);
        RawArticle aggregator = article("news.example", "index", first + "\n\n" + second + "\n\n" + words(6, 60), T0);
        RawArticle a = article("a.org", "a", first, T0.plusSeconds(60));
        RawArticle b = article("b.org", "b", second, T0.plusSeconds(120));

        send(aggregator);
        send(a);
        send(b);

        Map<String, Article> copies = latest(articles);
        assertThat(copies.values()).extracting(Article::storyId).doesNotHaveDuplicates();
    }

    @Test
    void shouldFoldATrimmedWireVersionUnderTheSameHeadline() {
        String headline = "Trump sets expectations low for Helsinki summit with Putin";
        String text = words(40, 600);
        // the member paper keeps the first half and adds its own 200 words: containment 0.6, Jaccard 0.375
        String firstHalf = String.join(" ", List.of(text.split(" ")).subList(0, 300));
        String trimmed = firstHalf + " " + words(41, 200);
        RawArticle wire = article("apnews.com", "expectations", headline, text, T0);
        RawArticle member = article("seattletimes.com", "expectations", headline + " | The Seattle Times", trimmed, T0.plusSeconds(600));
        // shares 250 of its 450 words (containment 0.56): under the same headline a trimmed version, under another one not;
        // 60% under another headline is a write-through version (ADR 9, amendment 2)
        String lessShared = String.join(" ", List.of(text.split(" ")).subList(0, 250));
        RawArticle other = article("dispatch.com", "late", "Putin arrives late for his meeting with Trump", lessShared + " " + words(42, 200),
                T0.plusSeconds(900));

        send(wire);
        send(member);
        send(other);

        Map<String, Article> copies = latest(articles);
        assertThat(copies.get(member.id()).storyId()).isEqualTo(copies.get(wire.id()).storyId());
        assertThat(copies.get(member.id()).joined().matchedArticleId()).isEqualTo(wire.id());
        assertThat(copies.get(other.id()).storyId()).as("the same shared text under another headline")
                .isNotEqualTo(copies.get(wire.id()).storyId());
    }

    @Test
    void shouldJoinAPhotoGalleryToTheStoryWhoseExactHeadlineItCarries() {
        String headline = "Trump, Putin sit down a bit late for closely watched summit";
        RawArticle story = article("bangordailynews.com", "summit", headline, words(43, 600), T0);
        RawArticle gallery = article("bostonherald.com", "summit-gallery", headline,
                gallery(44), T0.plusSeconds(600));

        send(story);
        send(gallery);

        Map<String, Article> copies = latest(articles);
        assertThat(copies.get(gallery.id()).storyId()).isEqualTo(copies.get(story.id()).storyId());
        assertThat(copies.get(gallery.id()).joined().rule()).isEqualTo("same_title");
        assertThat(copies.get(story.id()).canonical()).isTrue();
    }

    @Test
    void shouldJoinAnArticleToTheStoryOfAPhotoGalleryUnderItsExactHeadlineThatArrivedFirst() {
        String headline = "Trump arrives to go 1-on-1 with Putin at Helsinki summit";
        RawArticle gallery = article("bostonherald.com", "gallery", headline + " | Boston Herald", gallery(46), T0.plusSeconds(600));
        RawArticle story = article("apnews.com", "summit", headline, words(47, 600), T0);

        send(gallery);
        send(story);

        Map<String, Article> copies = latest(articles);
        assertThat(copies.get(story.id()).storyId()).isEqualTo(copies.get(gallery.id()).storyId());
        assertThat(copies.get(story.id()).joined().rule()).isEqualTo("same_title");
        assertThat(copies.get(story.id()).canonical()).as("the earliest published").isTrue();
    }

    @Test
    void shouldKeepDifferentArticlesAboutTheSameEventApart() {
        RawArticle one = article("a.org", "one", words(7, 500), T0);
        RawArticle two = article("b.org", "two", words(8, 500), T0);

        send(one);
        send(two);

        assertThat(latest(articles).values()).extracting(Article::storyId).doesNotHaveDuplicates();
    }

    @Test
    void shouldUpdateARedeliveredArticleInPlace() {
        RawArticle original = SeedCase.landDestroyer(T0);
        RawArticle copy = SeedCase.globalResearch(T0);
        send(original);
        send(copy);
        send(copy);
        articles.readKeyValuesToList();
        stories.readKeyValuesToList();

        RawArticle edited = new RawArticle(copy.id(), null, copy.feedUrl(), copy.url(), null, "New title", null, copy.contentHtml(),
                null, List.of(), copy.publishedAt(), copy.fetchedAt().plusSeconds(600), null, "en");
        send(edited);

        List<Article> emitted = articles.readValuesToList();
        assertThat(emitted).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("New title");
            assertThat(a.storyId()).isEqualTo("s-" + original.id().substring(2));
        });
        Story story = stories.readValuesToList().get(0);
        assertThat(story.copies()).hasSize(2);
        assertThat(story.revision()).isEqualTo(3);
    }

    @Test
    void shouldMergeTwoStoriesThatAnArticleBridgesKeepingTheOlderId() {
        String left = words(9, 200);
        String middle = words(10, 200);
        String right = words(11, 200);
        RawArticle a = article("a.org", "left", left + "\n\n" + middle, T0);
        RawArticle b = article("b.org", "right", middle + "\n\n" + right, T0.plusSeconds(60));
        RawArticle bridge = article("c.org", "both", left + "\n\n" + middle + "\n\n" + right, T0.plusSeconds(120));
        send(a);
        send(b);
        Map<String, Article> before = latest(articles);
        assertThat(before.get(a.id()).storyId()).isNotEqualTo(before.get(b.id()).storyId());

        send(bridge);

        Map<String, Story> storiesById = latest(stories);
        String older = "s-" + a.id().substring(2);
        String absorbed = "s-" + b.id().substring(2);
        assertThat(storiesById).containsEntry(absorbed, null);
        assertThat(storiesById.get(older).copies()).extracting(c -> c.articleId())
                .containsExactlyInAnyOrder(a.id(), b.id(), bridge.id());
        assertThat(storiesById.get(older).revision()).isEqualTo(2);
        assertThat(latest(articles).values()).extracting(Article::storyId).containsOnly(older);
    }

    @Test
    void shouldForgetArticlesOlderThanTheRetentionWindow() {
        String text = words(13, 400);
        RawArticle old = article("a.org", "old", text, T0);
        RawArticle tick = article("x.org", "tick", words(14, 400), T0.plus(Duration.ofDays(3)));
        RawArticle late = article("b.org", "late", text, T0.plus(Duration.ofDays(3)).plusSeconds(120));

        send(old);
        send(tick);
        send(late);

        assertThat(latest(articles).get(late.id()).storyId()).isEqualTo("s-" + late.id().substring(2));
        KeyValueStore<String, Object> store = driver.getKeyValueStore("story-articles");
        assertThat(store.get(old.id())).isNull();
        assertThat(store.get(late.id())).isNotNull();
    }

    @Test
    void shouldStampAStorysRecordsInTheOrderTheyChangedWhateverTheTimesOfItsCopies() {
        String text = words(31, 300);
        Instant t = Instant.parse("2026-01-01T12:00:00Z");
        RawArticle first = article("one.example", "a", text, t);
        RawArticle second = article("two.example", "b", "Reposted.\n\n" + text, t);
        raw.pipeInput(first.id(), first, t.plusSeconds(600));
        raw.pipeInput(second.id(), second, t);  // fetched earlier, arrives later

        List<org.apache.kafka.streams.test.TestRecord<String, Story>> sent = stories.readRecordsToList();
        assertThat(sent).extracting(r -> r.value().copyCount()).containsExactly(1, 2);
        assertThat(sent.get(1).timestamp()).isEqualTo(sent.get(0).timestamp()).isEqualTo(t.plusSeconds(600).toEpochMilli());
    }

    @Test
    void shouldNameEveryStoreSoItHasAStableChangelog() {
        List<String> stores = new ArrayList<>(driver.getAllStateStores().keySet());

        // story-pending: the stories changed since their records were last sent (ADR 14)
        assertThat(stores).containsExactlyInAnyOrder("story-articles", "story-stories", "story-buckets", "story-boilerplate", "story-expiry",
                "story-pending");
    }

    /** The topology as the streams service runs it, story records sent once per {@code interval} of wall-clock time, with its topics. */
    private record Timed(TopologyTestDriver driver, TestInputTopic<String, RawArticle> raw, TestOutputTopic<String, Article> articles,
                         TestOutputTopic<String, Story> stories) implements AutoCloseable {
        void send(RawArticle article) {
            raw.pipeInput(article.id(), article, article.fetchedAt());
        }

        @Override
        public void close() {
            driver.close();
        }
    }

    private Timed timed(Duration interval) {
        Properties props = NewsStreamsConfig.from(ConfigSource.ofFlags(Map.of(
                "bootstrap.servers", "unused:9092",
                "streams.state-dir", stateDir.resolve("interval").toString()))).streamsProperties();
        TopologyTestDriver timed = new TopologyTestDriver(NewsTopology.build(topics, DedupParameters.defaults(),
                dev.newsroom.streams.tag.Tagger.defaults(), interval), props);
        return new Timed(timed,
                timed.createInputTopic(topics.raw().name(), topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer()),
                timed.createOutputTopic(topics.articles().name(), topics.articles().keySerde().deserializer(),
                        topics.articles().valueSerde().deserializer()),
                timed.createOutputTopic(topics.stories().name(), topics.stories().keySerde().deserializer(),
                        topics.stories().valueSerde().deserializer()));
    }

    @Test
    void shouldSendTheLatestRecordOfEachChangedStoryOncePerInterval() {
        try (Timed timed = timed(Duration.ofSeconds(1))) {
            String left = words(9, 200);
            String middle = words(10, 200);
            String right = words(11, 200);
            RawArticle a = article("a.org", "left", left + "\n\n" + middle, T0);
            RawArticle copy = article("d.org", "copy", "Reposted.\n\n" + left + "\n\n" + middle, T0.plusSeconds(30));
            RawArticle b = article("b.org", "right", middle + "\n\n" + right, T0.plusSeconds(60));
            RawArticle bridge = article("c.org", "both", left + "\n\n" + middle + "\n\n" + right, T0.plusSeconds(120));
            List.of(a, copy, b, bridge).forEach(timed::send);

            assertThat(latest(timed.articles())).containsKeys(a.id(), copy.id(), b.id(), bridge.id());
            assertThat(timed.stories().isEmpty()).as("no story record before the interval ends").isTrue();

            timed.driver().advanceWallClockTime(Duration.ofSeconds(1));

            String older = "s-" + a.id().substring(2);
            String absorbed = "s-" + b.id().substring(2);
            List<KeyValue<String, Story>> records = timed.stories().readKeyValuesToList();
            assertThat(records).extracting(kv -> kv.key).containsExactlyInAnyOrder(older, absorbed);
            assertThat(records).filteredOn(kv -> kv.key.equals(absorbed)).extracting(kv -> kv.value).containsOnlyNulls();
            Story story = records.stream().filter(kv -> kv.key.equals(older)).findFirst().orElseThrow().value;
            assertThat(story.copies()).extracting(c -> c.articleId()).containsExactlyInAnyOrder(a.id(), copy.id(), b.id(), bridge.id());
            assertThat(story.revision()).as("every change counted, one record sent").isEqualTo(3L);
            assertThat(timed.driver().getKeyValueStore(dev.newsroom.streams.internal.StoryAssignment.PENDING).approximateNumEntries()).isZero();

            timed.driver().advanceWallClockTime(Duration.ofSeconds(1));
            assertThat(timed.stories().isEmpty()).as("nothing changed in the next interval").isTrue();
        }
    }

    @Test
    void shouldSendAfterARestartTheStoriesWhoseRecordsWereNotSentYet() {
        try (Timed timed = timed(Duration.ofSeconds(1))) {
            RawArticle a = article("a.org", "one", words(21, 200), T0);
            timed.send(a);
            timed.driver().advanceWallClockTime(Duration.ofSeconds(1));
            String story = "s-" + a.id().substring(2);
            assertThat(timed.stories().readKeyValuesToList()).extracting(kv -> kv.value.revision()).containsExactly(1L);

            // What a restarted task finds: ids restored from the changelog, their changes not in memory.
            KeyValueStore<String, String> pending = timed.driver().getKeyValueStore(dev.newsroom.streams.internal.StoryAssignment.PENDING);
            pending.put(story, "");
            pending.put("s-absorbed", story);
            pending.put("s-expired", "");
            timed.driver().advanceWallClockTime(Duration.ofSeconds(1));

            Map<String, Story> records = latest(timed.stories());
            assertThat(records).containsOnlyKeys(story, "s-absorbed").containsEntry("s-absorbed", null);
            assertThat(records.get(story).revision()).as("built again from the state").isEqualTo(2L);
            assertThat(records.get(story).copies()).extracting(c -> c.articleId()).containsExactly(a.id());
            assertThat(pending.approximateNumEntries()).isZero();
        }
    }
}
