package dev.newsroom.streams.internal;

import java.util.List;

/** What the story assigner remembers; the processor backs it with its state stores, unit tests with maps. */
public interface DedupState {
    ArticleEntry article(String id);

    void putArticle(ArticleEntry entry);

    void deleteArticle(String id);

    StoryEntry story(String id);

    void putStory(StoryEntry story);

    void deleteStory(String id);

    /** The article ids in an LSH bucket, oldest first. */
    List<String> bucket(String key);

    void putBucket(String key, List<String> articleIds);
}
