package dev.newsroom.model;

import java.time.Instant;

/**
 * A feed the pollers follow; the value of the compacted {@code newsroom.feeds} topic, keyed by
 * {@link #id()}. A tombstone for the id unsubscribes.
 *
 * @param id      {@link Ids#feed(String)} of the URL
 * @param url     absolute http(s) URL of the RSS or Atom document
 * @param name    a human name, may be empty
 * @param addedAt when the subscription was made
 */
public record FeedSubscription(String id, String url, String name, Instant addedAt) {
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
}
