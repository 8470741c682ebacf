package dev.newsroom.indexer.internal;

import dev.newsroom.indexer.internal.Documents.ArticleDocument;
import dev.newsroom.indexer.internal.Documents.FeedStatusDocument;
import dev.newsroom.indexer.internal.Documents.StoryDocument;
import dev.newsroom.model.Article;
import dev.newsroom.model.FeedStatus;
import dev.newsroom.model.IndexNames;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.Story;
import dev.newsroom.model.serde.MalformedRecordException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns a record of one of the three topics the indexer reads into the index operation for it:
 * articles to the articles index by article id with the record's offset as external version (a
 * key always lands on one partition, so a later record of an article has a higher offset), stories
 * to the stories index by story id with the revision as external version, feed status to the
 * feed-status index by feed id and poll time. A tombstone on the stories topic (a story absorbed
 * into another) deletes the story with the highest external version, so that a late write of an
 * older revision cannot bring it back while Elasticsearch remembers the delete
 * ({@code index.gc_deletes}, 60 s by default).
 */
public final class RecordRouter {
    private final NewsTopics topics;
    private final IndexNames indices;

    public RecordRouter(NewsTopics topics, IndexNames indices) {
        this.topics = topics;
        this.indices = indices;
    }

    /** The topics routed: articles, stories, feed status. */
    public List<String> topicNames() {
        return List.of(topics.articles().name(), topics.stories().name(), topics.feedStatus().name());
    }

    /**
     * The version of the delete a story tombstone makes: above any revision a story can reach, so
     * that no later write of the absorbed story is accepted while the delete is remembered.
     */
    public static final long DELETED_STORY_VERSION = 1L << 62;

    /**
     * The index operation for a record, or null for nothing to write (a tombstone on the articles
     * or feed-status topic, or a stories tombstone without a key).
     *
     * @throws MalformedRecordException when the bytes are not a valid value of the topic's type
     * @throws IllegalArgumentException when the topic is not one of {@link #topicNames()}
     */
    public IndexAction route(SourceRecord record) {
        String topic = record.topic();
        byte[] value = record.value();
        if (value == null) {
            if (topic.equals(topics.stories().name()) && record.key() != null) {
                return IndexAction.delete(indices.stories(), new String(record.key(), StandardCharsets.UTF_8), DELETED_STORY_VERSION);
            }
            return null;
        }
        if (topic.equals(topics.articles().name())) {
            Article a = topics.articles().valueSerde().deserializer().deserialize(topic, value);
            return new IndexAction(indices.articles(), a.id(), ArticleDocument.of(a), record.offset());
        }
        if (topic.equals(topics.stories().name())) {
            Story s = topics.stories().valueSerde().deserializer().deserialize(topic, value);
            return new IndexAction(indices.stories(), s.id(), StoryDocument.of(s), s.revision());
        }
        if (topic.equals(topics.feedStatus().name())) {
            FeedStatus f = topics.feedStatus().valueSerde().deserializer().deserialize(topic, value);
            return new IndexAction(indices.feedStatus(), FeedStatusDocument.idOf(f), FeedStatusDocument.of(f), null);
        }
        throw new IllegalArgumentException("The indexer does not read topic " + topic);
    }
}
