package dev.newsroom.model;

import java.time.Instant;

/**
 * A feed the pollers follow; the value of the compacted {@code newsroom.feeds} topic, keyed by
 * {@link #id()}. A tombstone for the id unsubscribes.
 *
 * @param id      {@link Ids#feed(String)} of the URL
 * @param url     absolute http(s) URL of the RSS or Atom document
 * @param name    a human name, may be empty
 * @param addedAt  when the subscription was made
 * @param fullText whether ingest fetches each new item's page and replaces an excerpt with the
 *                 article's full text (for excerpt-only feeds); false when absent (older writers)
 */
public record FeedSubscription(String id, String url, String name, Instant addedAt, boolean fullText) {
    /** A subscription without full-text fetch. */
    public FeedSubscription(String id, String url, String name, Instant addedAt) {
        this(id, url, name, addedAt, false);
    }

    public FeedSubscription {
        Checks.required(url, "url");
        Ids.parseHttpUrl(url);
        id = id == null ? Ids.feed(url) : id;
        name = Checks.orEmpty(name);
        Checks.notNull(addedAt, "addedAt");
    }

    /** A subscription whose id derives from its URL. */
    public static FeedSubscription of(String url, String name, Instant addedAt) {
        return new FeedSubscription(Ids.feed(url), url, name, addedAt);
    }

    /** This subscription with full-text fetch switched on or off. */
    public FeedSubscription withFullText(boolean on) {
        return new FeedSubscription(id, url, name, addedAt, on);
    }
}
