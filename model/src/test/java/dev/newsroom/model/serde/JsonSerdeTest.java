package dev.newsroom.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.model.Article;
import dev.newsroom.model.FeedSubscription;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.RawArticle;
import dev.newsroom.model.TopicTag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {
    private static final Instant PUBLISHED = Instant.parse("2015-11-28T08:15:00Z");
    private final JsonSerde<RawArticle> raw = new JsonSerde<>(RawArticle.class, 1);

    private static RawArticle landDestroyer() {
        return new RawArticle("a-1", null, "https://landdestroyer.blogspot.com/feeds/posts/default",
                "https://landdestroyer.blogspot.com/2015/11/us-turkey.html", "tag:blogger.com,1999:post-1",
                "US-Turkey Provocation", "<p>Summary</p>", "<p>Body</p>", "Tony Cartalucci", List.of("Syria", "Turkey"),
                PUBLISHED, PUBLISHED.plusSeconds(60), null, "en");
    }

    @Test
    void shouldRoundTripARawArticle() {
        RawArticle article = landDestroyer();

        assertThat(raw.deserialize("t", raw.serialize("t", article))).isEqualTo(article);
    }

    @Test
    void shouldWriteTheSchemaVersionFirstAndSnakeCaseFields() {
        String json = new String(raw.serialize("t", landDestroyer()), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"schema\":1,");
        assertThat(json).contains("\"published_at\":\"2015-11-28T08:15:00Z\"", "\"feed_url\":");
    }

    @Test
    void shouldRoundTripAnArticleWithTopics() {
        JsonSerde<Article> serde = (JsonSerde<Article>) NewsTopics.defaults().articles().valueSerde();
        Article article = new Article("a-1", "s-1", true, 1.0, "https://x.org/1", "x.org", "t", "text", "https://x.org/feed",
                null, PUBLISHED, List.of(new TopicTag("medtop:16000000", "conflict, war and peace", 0.83)),
                List.of("Middle East"), List.of("SY", "TR"), "en");

        assertThat(serde.deserialize("t", serde.serialize("t", article))).isEqualTo(article);
    }

    @Test
    void shouldRoundTripKeywordsAndReadAnArticleWrittenWithoutThem() {
        JsonSerde<Article> serde = (JsonSerde<Article>) NewsTopics.defaults().articles().valueSerde();
        Article article = new Article("a-1", "s-1", true, 1.0, "https://x.org/1", "x.org", "t", "text", "https://x.org/feed",
                null, PUBLISHED, List.of(), List.of(), List.of(), "en", null, null, List.of("In-depth Report: SYRIA"));
        String json = new String(serde.serialize("t", article), StandardCharsets.UTF_8);

        assertThat(serde.deserialize("t", json.getBytes(StandardCharsets.UTF_8))).isEqualTo(article);
        String older = json.replace(",\"keywords\":[\"In-depth Report: SYRIA\"]", "");
        assertThat(older).doesNotContain("keywords");
        assertThat(serde.deserialize("t", older.getBytes(StandardCharsets.UTF_8)).keywords()).isEmpty();
    }

    @Test
    void shouldReadASubscriptionWrittenBeforeFullTextExistedAsFullTextOff() {
        JsonSerde<FeedSubscription> serde = (JsonSerde<FeedSubscription>) NewsTopics.defaults().feeds().valueSerde();
        byte[] older = "{\"schema\":1,\"id\":\"f-1\",\"url\":\"https://x.org/feed\",\"name\":\"X\",\"added_at\":\"2015-11-28T08:15:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(serde.deserialize("t", older)).isEqualTo(new FeedSubscription("f-1", "https://x.org/feed", "X", PUBLISHED, false));
    }

    @Test
    void shouldRoundTripASubscriptionWithFullText() {
        JsonSerde<FeedSubscription> serde = (JsonSerde<FeedSubscription>) NewsTopics.defaults().feeds().valueSerde();
        FeedSubscription feed = FeedSubscription.of("https://x.org/feed", "X", PUBLISHED).withFullText(true);

        assertThat(new String(serde.serialize("t", feed), StandardCharsets.UTF_8)).contains("\"full_text\":true");
        assertThat(serde.deserialize("t", serde.serialize("t", feed))).isEqualTo(feed);
    }

    @Test
    void shouldReadATombstoneAsNull() {
        assertThat(raw.deserialize("t", null)).isNull();
        assertThat(raw.serialize("t", null)).isNull();
    }

    @Test
    void shouldRejectBytesThatAreNotJsonWithAClearError() {
        assertThatThrownBy(() -> raw.deserialize("newsroom.raw", "<rss>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageStartingWith("Record is not valid JSON for RawArticle on topic newsroom.raw: ");
    }

    @Test
    void shouldRejectJsonThatIsNotAnObject() {
        assertThatThrownBy(() -> raw.deserialize("newsroom.raw", "[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("Record is not a JSON object for RawArticle on topic newsroom.raw");
    }

    @Test
    void shouldRejectAValueThatBreaksTheRecordRules() {
        byte[] noUrl = "{\"schema\":1,\"id\":\"a-1\",\"feed_url\":\"https://x.org/f\",\"fetched_at\":\"2015-11-28T08:15:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> raw.deserialize("newsroom.raw", noUrl))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("Record is not a valid RawArticle on topic newsroom.raw: url is required and must not be blank");
    }

    @Test
    void shouldRejectANewerSchema() {
        byte[] future = "{\"schema\":2,\"id\":\"a-1\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> raw.deserialize("newsroom.raw", future))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("Record has schema 2 for RawArticle on topic newsroom.raw; this reader knows schemas 1 to 1");
    }

    @Test
    void shouldIgnoreUnknownFieldsFromANewerWriterOfTheSameSchema() {
        byte[] json = new String(raw.serialize("t", landDestroyer()), StandardCharsets.UTF_8)
                .replace("{\"schema\":1,", "{\"schema\":1,\"extra\":true,").getBytes(StandardCharsets.UTF_8);

        assertThat(raw.deserialize("t", json)).isEqualTo(landDestroyer());
    }

    @Test
    void shouldReadAValueWhoseSchemaIsNotTheFirstFieldOrMissing() {
        String json = new String(raw.serialize("t", landDestroyer()), StandardCharsets.UTF_8);
        byte[] schemaLast = ("{" + json.substring("{\"schema\":1,".length(), json.length() - 1) + ",\"schema\": 1}").getBytes(StandardCharsets.UTF_8);
        byte[] noSchema = ("{" + json.substring("{\"schema\":1,".length())).getBytes(StandardCharsets.UTF_8);

        assertThat(raw.deserialize("t", schemaLast)).isEqualTo(landDestroyer());
        assertThat(raw.deserialize("t", noSchema)).isEqualTo(landDestroyer());
    }

    @Test
    void shouldRejectATruncatedValueWithAClearError() {
        byte[] json = raw.serialize("t", landDestroyer());
        byte[] truncated = java.util.Arrays.copyOf(json, json.length / 2);

        assertThatThrownBy(() -> raw.deserialize("newsroom.raw", truncated))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageStartingWith("Record is not valid JSON for RawArticle on topic newsroom.raw: ");
    }

    @Test
    void shouldRejectASchemaOfZero() {
        byte[] zero = "{\"schema\":0,\"id\":\"a-1\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> raw.deserialize("newsroom.raw", zero))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("Record has schema 0 for RawArticle on topic newsroom.raw; this reader knows schemas 1 to 1");
    }
}
