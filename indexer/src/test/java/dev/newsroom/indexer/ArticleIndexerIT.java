package dev.newsroom.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.embedded.testing.NewsroomClusterExtension;
import dev.newsroom.embedded.testing.TestCluster;
import dev.newsroom.model.Article;
import dev.newsroom.model.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NewsroomClusterExtension.class)
class ArticleIndexerIT {

    @Test
    void shouldIndexArticlesThatSearchFindsByAWordOfTheirText(TestCluster cluster) throws Exception {
        try (IndexerFixture f = new IndexerFixture(cluster)) {
            f.start();
            f.send(f.topics.articles(), "a1", TestData.article("a1", "s1", "landdestroyer.blogspot.com",
                    "NATO's Terrorist Hordes in Syria", "Turkey shot down a Russian warplane near the Syrian border."));
            f.send(f.topics.articles(), "a2", TestData.article("a2", "s2", "example.org",
                    "Budget talks", "Parliament debated the budget."));

            SearchRequest warplane = SearchRequest.of("warplane").withKind(SearchRequest.Kind.ARTICLES);
            await("article a1 to be found").atMost(IndexerFixture.WAIT).ignoreExceptions().until(() -> !f.search.search(warplane).isEmpty());

            List<SearchHit> hits = f.search.search(warplane);
            assertThat(hits).extracting(SearchHit::id).containsExactly("a1");
            assertThat(hits.get(0).storyId()).isEqualTo("s1");
            assertThat(hits.get(0).topics()).containsExactly("terrorism");
            await("offsets of both articles to be committed").atMost(IndexerFixture.WAIT)
                    .until(() -> f.committedOffset(f.topics.articles().name()) == 2);
        }
    }

    @Test
    void shouldNotOverwriteANewerStoryRevisionWithAStaleOne(TestCluster cluster) throws Exception {
        try (IndexerFixture f = new IndexerFixture(cluster)) {
            ArticleIndexer indexer = f.start();

            f.send(f.topics.stories(), "s1", TestData.story("s1", 2, "Revision two"));
            // Revision one arrives in a later poll, so it reaches Elasticsearch (within one poll the
            // indexer would not send it at all: SupersededTest), which must refuse it.
            await("revision two to be indexed").atMost(IndexerFixture.WAIT).ignoreExceptions().until(() -> f.search.storyById("s1").isPresent());
            f.send(f.topics.stories(), "s1", TestData.story("s1", 1, "Revision one"));

            await("the stale revision to be skipped").atMost(IndexerFixture.WAIT).until(() -> indexer.snapshot().stale() == 1);
            GetResponse<ObjectNode> story = f.client.get(g -> g.index(f.indices.stories()).id("s1"), ObjectNode.class);
            assertThat(story.version()).isEqualTo(2L);
            assertThat(story.source().get("title").asText()).isEqualTo("Revision two");
            assertThat(indexer.snapshot().deadLettered()).isZero();

            f.send(f.topics.stories(), "s1", TestData.story("s1", 3, "Revision three"));
            await("revision three to replace revision two").atMost(IndexerFixture.WAIT).until(() ->
                    f.search.storyById("s1").map(s -> s.get("title")).orElse("").equals("Revision three"));
            assertThat(f.search.storyById("s1").orElseThrow()).containsEntry("revision", 3).containsEntry("copy_count", 2);
        }
    }

    @Test
    void shouldSendAPoisonRecordAndAMappingConflictToTheDeadLetterTopicAndIndexTheRest(TestCluster cluster) throws Exception {
        try (IndexerFixture f = new IndexerFixture(cluster)) {
            ArticleIndexer indexer = f.start();
            Article fromTheFarFuture = new Article("bad-date", "s9", true, 1.0, "https://example.org/bad", "example.org",
                    "Dated after the year 292 million", "text", "", Instant.parse("+300000000-01-01T00:00:00Z"),
                    TestData.FETCHED, List.of(), List.of(), List.of(), "en");

            f.sendRaw(f.topics.articles().name(), "poison", "this is not json".getBytes(StandardCharsets.UTF_8));
            f.send(f.topics.articles(), "bad-date", fromTheFarFuture);
            f.send(f.topics.articles(), "good", TestData.article("good", "s1", "example.org", "Fine", "A fine article."));

            List<DeadLetter> letters = f.awaitDeadLetters(2);
            assertThat(letters).extracting(DeadLetter::offset).containsExactly(0L, 1L);
            DeadLetter poison = letters.get(0);
            assertThat(poison.stage()).isEqualTo("indexer");
            assertThat(poison.topic()).isEqualTo(f.topics.articles().name());
            assertThat(new String(poison.value(), StandardCharsets.UTF_8)).isEqualTo("this is not json");
            assertThat(poison.error()).contains("not valid JSON");
            DeadLetter conflict = letters.get(1);
            assertThat(conflict.error()).contains("Elasticsearch rejected document bad-date", "published_at");
            assertThat(conflict.errorType()).isEqualTo("document_parsing_exception");
            await("the good article").atMost(IndexerFixture.WAIT).until(() -> f.count(f.indices.articles()) == 1);
            await("every offset to be committed").atMost(IndexerFixture.WAIT)
                    .until(() -> f.committedOffset(f.topics.articles().name()) == 3);
            assertThat(indexer.snapshot().deadLettered()).isEqualTo(2);
        }
    }

    /**
     * A read-only-allow-delete block (what Elasticsearch sets when a disk passes its flood stage)
     * makes every write answer 429: the indexer must retry without committing, then catch up.
     */
    @Test
    void shouldCommitOffsetsOnlyAfterElasticsearchAcknowledged(TestCluster cluster) throws Exception {
        try (IndexerFixture f = new IndexerFixture(cluster)) {
            ArticleIndexer indexer = f.start();
            String articles = f.topics.articles().name();
            f.send(f.topics.articles(), "a0", TestData.article("a0", "s0", "example.org", "First", "First text."));
            await("the first article to be committed").atMost(IndexerFixture.WAIT).until(() -> f.committedOffset(articles) == 1);

            block(f, true);
            f.send(f.topics.articles(), "a1", TestData.article("a1", "s1", "example.org", "Second", "Second text."));
            f.send(f.topics.articles(), "a2", TestData.article("a2", "s2", "example.org", "Third", "Third text."));
            await("the indexer to retry").atMost(IndexerFixture.WAIT).until(() -> indexer.snapshot().retries() >= 3);
            assertThat(f.committedOffset(articles)).isEqualTo(1);
            assertThat(f.count(f.indices.articles())).isEqualTo(1);

            block(f, false);
            await("the retried articles to be committed").atMost(IndexerFixture.WAIT).until(() -> f.committedOffset(articles) == 3);
            assertThat(f.count(f.indices.articles())).isEqualTo(3);
            assertThat(indexer.snapshot().deadLettered()).isZero();
        }
    }

    @Test
    void shouldOverwriteAReplayedFeedStatusInsteadOfAddingOne(TestCluster cluster) throws Exception {
        try (IndexerFixture f = new IndexerFixture(cluster)) {
            ArticleIndexer indexer = f.start();
            Instant polledAt = Instant.parse("2026-01-02T03:04:05Z");

            f.send(f.topics.feedStatus(), "f1", TestData.feedStatus("f1", polledAt));
            f.send(f.topics.feedStatus(), "f1", TestData.feedStatus("f1", polledAt));
            f.send(f.topics.feedStatus(), "f1", TestData.feedStatus("f1", polledAt.plusSeconds(60)));

            // The replay may come in the same poll as its original (then it is not sent again) or in a later one.
            await("three statuses to be done").atMost(IndexerFixture.WAIT).until(() -> f.committedOffset(f.topics.feedStatus().name()) == 3);
            assertThat(f.count(f.indices.feedStatus())).isEqualTo(2);
            ObjectNode status = f.client.get(g -> g.index(f.indices.feedStatus()).id("f1@2026-01-02T03:04:05Z"), ObjectNode.class).source();
            assertThat(status.get("outcome").asText()).isEqualTo("HTTP_ERROR");
            assertThat(status.get("healthy").asBoolean()).isFalse();
        }
    }

    private static void block(IndexerFixture f, boolean on) throws Exception {
        f.client.indices().putSettings(s -> s.index(f.indices.articles())
                .settings(i -> i.blocks(b -> b.readOnlyAllowDelete(on))));
    }
}
