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
import java.util.List;

/**
 * Turns a record of one of the three topics the indexer reads into the index operation for it:
 * articles to the articles index by article id, stories to the stories index by story id with the
 * revision as external version, feed status to the feed-status index by feed id and poll time.
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
     * The index operation for a record's value, or null for a tombstone (nothing to write).
     *
     * @throws MalformedRecordException when the bytes are not a valid value of the topic's type
     * @throws IllegalArgumentException when the topic is not one of {@link #topicNames()}
     */
    public IndexAction route(String topic, byte[] value) {
        if (value == null) {
            return null;
        }
        if (topic.equals(topics.articles().name())) {
            Article a = topics.articles().valueSerde().deserializer().deserialize(topic, value);
            return new IndexAction(indices.articles(), a.id(), ArticleDocument.of(a), null);
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
