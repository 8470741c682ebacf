package dev.newsroom.indexer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.indexer.TestData;
import dev.newsroom.indexer.internal.Documents.ArticleDocument;
import dev.newsroom.indexer.internal.Documents.StoryDocument;
import dev.newsroom.model.Article;
import dev.newsroom.model.FeedStatus;
import dev.newsroom.model.IndexNames;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.Story;
import dev.newsroom.model.serde.MalformedRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RecordRouterTest {
    private final NewsTopics topics = NewsTopics.withPrefix("p-");
    private final RecordRouter router = new RecordRouter(topics, IndexNames.withPrefix("p-"));

    @Test
    void shouldIndexAnArticleByItsIdWithItsOffsetAsExternalVersion() {
        Article article = TestData.article("a1", "s1", "example.org", "Title", "Text");

        IndexAction action = router.route(record("p-newsroom.articles", 42, "a1", topics.articles().valueSerde().serializer()
                .serialize("p-newsroom.articles", article)));

        assertThat(action).isEqualTo(new IndexAction("p-news-articles", "a1", ArticleDocument.of(article), 42L));
    }

    @Test
    void shouldIndexAStoryByItsIdWithItsRevisionAsExternalVersion() {
        Story story = TestData.story("s1", 7, "Title");

        IndexAction action = router.route(record("p-newsroom.stories", 3, "s1", topics.stories().valueSerde().serializer()
                .serialize("p-newsroom.stories", story)));

        assertThat(action).isEqualTo(new IndexAction("p-news-stories", "s1", StoryDocument.of(story), 7L));
        StoryDocument document = (StoryDocument) action.document();
        assertThat(document.copyCount()).isEqualTo(2);
        assertThat(document.sites()).containsExactly("landdestroyer.blogspot.com", "www.globalresearch.ca");
        assertThat(document.site()).isEqualTo("landdestroyer.blogspot.com");
    }

    @Test
    void shouldIndexFeedStatusByFeedAndPollTimeSoThatAReplayOverwrites() {
        FeedStatus status = TestData.feedStatus("f1", Instant.parse("2026-01-02T03:04:05Z"));

        IndexAction action = router.route(record("p-newsroom.feed-status", 0, "f1", topics.feedStatus().valueSerde().serializer()
                .serialize("p-newsroom.feed-status", status)));

        assertThat(action.index()).isEqualTo("p-news-feed-status");
        assertThat(action.id()).isEqualTo("f1@2026-01-02T03:04:05Z");
    }

    @Test
    void shouldSkipATombstoneOnTheArticlesTopic() {
        assertThat(router.route(record("p-newsroom.articles", 5, "a1", null))).isNull();
    }

    @Test
    void shouldDeleteAnAbsorbedStoryWithAVersionAboveEveryRevision() {
        IndexAction action = router.route(record("p-newsroom.stories", 5, "s-absorbed", null));

        assertThat(action).isEqualTo(IndexAction.delete("p-news-stories", "s-absorbed", RecordRouter.DELETED_STORY_VERSION));
        assertThat(action.isDelete()).isTrue();
    }

    @Test
    void shouldRefuseBytesThatAreNotAnArticle() {
        assertThatThrownBy(() -> router.route(record("p-newsroom.articles", 0, "a1", "not json".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("p-newsroom.articles");
    }

    private static SourceRecord record(String topic, long offset, String key, byte[] value) {
        return new SourceRecord(new TopicPartition(topic, 0), offset, key.getBytes(StandardCharsets.UTF_8), value);
    }

    @Test
    void shouldUseThePublishedTimeElseTheFetchTime() {
        Article undated = new Article("a2", "s1", false, 0.5, "https://x.org/a2", "x.org", "T", "", "", null,
                TestData.FETCHED, null, null, null, "");

        assertThat(ArticleDocument.of(undated).publishedAt()).isEqualTo(TestData.FETCHED);
    }
}
