package dev.newsroom.streams.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * {@link DedupState} in three key-value stores. Within one article ({@link #flush()} ends it),
 * every value is read from its store and decoded at most once, and written and encoded at most
 * once: the assigner reads an LSH bucket to find candidates and again to add the article, and
 * writes the article's entry when it joins a story and again when the story is published.
 */
final class StoreBackedState implements DedupState {
    private final Pending<ArticleEntry> articles;
    private final Pending<StoryEntry> stories;
    private final Pending<Bucket> buckets;

    StoreBackedState(KeyValueStore<String, ArticleEntry> articles, KeyValueStore<String, StoryEntry> stories,
                     KeyValueStore<String, Bucket> buckets) {
        this.articles = new Pending<>(articles);
        this.stories = new Pending<>(stories);
        this.buckets = new Pending<>(buckets);
    }

    /** The article ids of one LSH bucket. */
    record Bucket(List<String> ids) {}

    /** Writes what changed since the last flush to the stores, once per key. */
    void flush() {
        articles.flush();
        stories.flush();
        buckets.flush();
    }

    /** Forgets what was read and written since the last flush, e.g. after the article failed. */
    void discard() {
        articles.discard();
        stories.discard();
        buckets.discard();
    }

    @Override
    public ArticleEntry article(String id) {
        return articles.get(id);
    }

    @Override
    public void putArticle(ArticleEntry entry) {
        articles.put(entry.head().id(), entry);
    }

    @Override
    public void deleteArticle(String id) {
        articles.put(id, null);
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
        stories.put(id, null);
    }

    @Override
    public List<String> bucket(String key) {
        Bucket b = buckets.get(key);
        return b == null ? List.of() : b.ids();
    }

    @Override
    public void putBucket(String key, List<String> articleIds) {
        buckets.put(key, articleIds.isEmpty() ? null : new Bucket(List.copyOf(articleIds)));
    }

    /** One store with the values read and written since the last flush (null: absent or deleted). */
    private static final class Pending<V> {
        private final KeyValueStore<String, V> store;
        private Map<String, V> read = new HashMap<>();
        private Map<String, V> written = new HashMap<>();

        Pending(KeyValueStore<String, V> store) {
            this.store = store;
        }

        V get(String key) {
            if (written.containsKey(key)) {
                return written.get(key);
            }
            if (read.containsKey(key)) {
                return read.get(key);
            }
            V value = store.get(key);
            read.put(key, value);
            return value;
        }

        void put(String key, V value) {
            written.put(key, value);
        }

        /** Writes in one batch, one RocksDB write batch (a null value deletes). */
        void flush() {
            if (!written.isEmpty()) {
                List<KeyValue<String, V>> batch = new ArrayList<>(written.size());
                written.forEach((key, value) -> batch.add(KeyValue.pair(key, value)));
                store.putAll(batch);
            }
            discard();
        }

        void discard() {
            // new maps, not clear(): a map keeps the table a big batch grew (the bucket rebuild writes
            // 65,000 keys per flush), and iterating or clearing it would cost every later article
            written = new HashMap<>();
            read = new HashMap<>();
        }
    }
}
