package dev.newsroom.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.cat.thread_pool.ThreadPoolRecord;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.embedded.testing.NewsroomClusterExtension;
import dev.newsroom.embedded.testing.TestCluster;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the indexer promises about delivery, on the real Kafka broker and a real Elasticsearch:
 * nothing lost while Elasticsearch is away or overloaded, nothing changed by a replay, and a
 * story deleted for good when it is absorbed into another.
 */
@ExtendWith(NewsroomClusterExtension.class)
class IndexerDeliveryIT {
    private static final Duration LONG_WAIT = Duration.ofMinutes(3);

    @Test
    void shouldLoseNothingWhenElasticsearchStopsAndStartsAgainMidStream(TestCluster cluster) throws Exception {
        try (SeparateElasticsearch elasticsearch = new SeparateElasticsearch(Map.of());
             IndexerFixture f = new IndexerFixture(cluster, elasticsearch.start(), 50, 2)) {
            ArticleIndexer indexer = f.start();
            String articles = f.topics.articles().name();
            f.sendArticles(0, 300);
            await("the first articles to be indexed").atMost(LONG_WAIT).ignoreExceptions().until(() -> f.count(f.indices.articles()) == 300);

            elasticsearch.stop();
            f.sendArticles(300, 300);
            await("the indexer to retry while Elasticsearch is down").atMost(LONG_WAIT).until(() -> indexer.snapshot().retries() >= 2);
            assertThat(f.committedOffset(articles)).as("nothing committed past what Elasticsearch acknowledged").isLessThanOrEqualTo(300);

            elasticsearch.start();
            await("every article after the restart").atMost(LONG_WAIT).ignoreExceptions()
                    .until(() -> f.count(f.indices.articles()) == 600);
            await("every offset to be committed").atMost(LONG_WAIT).until(() -> f.committedOffset(articles) == 600);
            assertThat(indexer.snapshot().deadLettered()).isZero();
        }
    }

    /**
     * One write thread with a queue of one: concurrent bulk requests get {@code 429
     * es_rejected_execution_exception} for some of their items, which the indexer writes again.
     */
    @Test
    void shouldWriteAgainWhatAFullWriteQueueRejectsWith429AndLoseNothing(TestCluster cluster) throws Exception {
        try (SeparateElasticsearch elasticsearch = new SeparateElasticsearch(Map.of(
                "thread_pool.write.size", "1", "thread_pool.write.queue_size", "1"));
             IndexerFixture f = new IndexerFixture(cluster, elasticsearch.start(), 10, 4)) {
            ArticleIndexer indexer = f.start();
            f.sendArticles(0, 400);

            await("every article").atMost(LONG_WAIT).until(() -> f.count(f.indices.articles()) == 400);
            await("every offset to be committed").atMost(LONG_WAIT)
                    .until(() -> f.committedOffset(f.topics.articles().name()) == 400);
            long rejected = f.client.cat().threadPool(t -> t.threadPoolPatterns("write")).valueBody().stream()
                    .map(ThreadPoolRecord::rejected).mapToLong(Long::parseLong).sum();
            assertThat(rejected).as("write requests Elasticsearch rejected with 429").isPositive();
            assertThat(indexer.snapshot().retries()).isPositive();
            assertThat(indexer.snapshot().deadLettered()).isZero();
        }
    }

    @Test
    void shouldChangeNothingWhenTheSameRecordsAreReadAgain(TestCluster cluster) throws Exception {
        try (IndexerFixture f = new IndexerFixture(cluster)) {
            f.start();
            f.sendArticles(0, 100);
            f.send(f.topics.stories(), "s1", TestData.story("s1", 3, "Revision three"));
            await("the first pass").atMost(IndexerFixture.WAIT).until(() -> f.count(f.indices.articles()) == 100
                    && f.committedOffset(f.topics.stories().name()) == 1);
            GetResponse<ObjectNode> before = f.client.get(g -> g.index(f.indices.articles()).id("a42"), ObjectNode.class);
            f.stop();

            IndexerConfig replay = f.config.withGroupId(f.prefix + "replay");
            ArticleIndexer second = f.start(replay);

            await("the replay to read everything").atMost(IndexerFixture.WAIT)
                    .until(() -> f.committedOffset(replay.groupId(), f.topics.articles().name()) == 100);
            assertThat(second.snapshot().stale()).as("every replayed write is an older or equal version").isEqualTo(101);
            assertThat(second.snapshot().indexed()).isZero();
            assertThat(f.count(f.indices.articles())).isEqualTo(100);
            GetResponse<ObjectNode> after = f.client.get(g -> g.index(f.indices.articles()).id("a42"), ObjectNode.class);
            assertThat(after.version()).isEqualTo(before.version());
            assertThat(after.seqNo()).isEqualTo(before.seqNo());
        }
    }

    @Test
    void shouldDeleteAnAbsorbedStoryAndNotLetALateRevisionBringItBack(TestCluster cluster) throws Exception {
        try (IndexerFixture f = new IndexerFixture(cluster)) {
            ArticleIndexer indexer = f.start();
            f.send(f.topics.stories(), "s-absorbed", TestData.story("s-absorbed", 2, "Absorbed"));
            f.send(f.topics.stories(), "s-kept", TestData.story("s-kept", 1, "Kept"));
            await("both stories").atMost(IndexerFixture.WAIT).ignoreExceptions().until(() -> f.search.storyById("s-absorbed").isPresent()
                    && f.search.storyById("s-kept").isPresent());

            f.sendRaw(f.topics.stories().name(), "s-absorbed", null);
            await("the absorbed story to be deleted").atMost(IndexerFixture.WAIT).ignoreExceptions().until(() -> f.search.storyById("s-absorbed").isEmpty());

            long staleBefore = indexer.snapshot().stale();
            f.send(f.topics.stories(), "s-absorbed", TestData.story("s-absorbed", 3, "Late write"));
            await("the late write to be skipped").atMost(IndexerFixture.WAIT).until(() -> indexer.snapshot().stale() == staleBefore + 1);
            assertThat(f.search.storyById("s-absorbed")).isEmpty();
            assertThat(f.search.storyById("s-kept")).isPresent();
            await("every offset to be committed").atMost(IndexerFixture.WAIT)
                    .until(() -> f.committedOffset(f.topics.stories().name()) == 4);
        }
    }
}
