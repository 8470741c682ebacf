package dev.newsroom.streams.internal;

import dev.newsroom.model.Article;
import dev.newsroom.model.JoinReason;

/**
 * An article as the story assigner remembers it.
 *
 * @param article     the copy as last emitted
 * @param fingerprint its fingerprint
 * @param storyId     its story
 * @param joined      why it is in that story
 * @param seenAt      when it was last seen (record time, epoch millis); retention counts from here
 */
public record ArticleEntry(Article article, Fingerprint fingerprint, String storyId, JoinReason joined, long seenAt) {
    public ArticleEntry withStory(String story, JoinReason reason) {
        return new ArticleEntry(article, fingerprint, story, reason, seenAt);
    }

    public ArticleEntry withArticle(Article emitted) {
        return new ArticleEntry(emitted, fingerprint, storyId, joined, seenAt);
    }
}
