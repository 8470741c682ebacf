package dev.newsroom.streams.internal;

import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;

/** {@link DedupState} in three key-value stores. */
final class StoreBackedState implements DedupState {
    private final KeyValueStore<String, ArticleEntry> articles;
    private final KeyValueStore<String, StoryEntry> stories;
    private final KeyValueStore<String, Bucket> buckets;

    StoreBackedState(KeyValueStore<String, ArticleEntry> articles, KeyValueStore<String, StoryEntry> stories,
                     KeyValueStore<String, Bucket> buckets) {
        this.articles = articles;
        this.stories = stories;
        this.buckets = buckets;
    }

    /** The article ids of one LSH bucket. */
    record Bucket(List<String> ids) {}

    @Override
    public ArticleEntry article(String id) {
        return articles.get(id);
    }

    @Override
    public void putArticle(ArticleEntry entry) {
        articles.put(entry.article().id(), entry);
    }

    @Override
    public void deleteArticle(String id) {
        articles.delete(id);
    }

    @Override
    public StoryEntry story(String id) {
        return stories.get(id);
    }

    @Override
    public void putStory(StoryEntry story) {
        stories.put(story.id(), story);
    }

    @Override
    public void deleteStory(String id) {
        stories.delete(id);
    }

    @Override
    public List<String> bucket(String key) {
        Bucket b = buckets.get(key);
        return b == null ? List.of() : b.ids();
    }

    @Override
    public void putBucket(String key, List<String> articleIds) {
        if (articleIds.isEmpty()) {
            buckets.delete(key);
        } else {
            buckets.put(key, new Bucket(List.copyOf(articleIds)));
        }
    }
}
