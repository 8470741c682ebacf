package dev.newsroom.ingest;

import dev.newsroom.model.FeedSubscription;
import dev.newsroom.model.Ids;
import java.net.URI;
import java.util.Objects;

/**
 * Where a feed document came from, as {@link FeedParser} needs it: the ids and URL written into
 * each {@link dev.newsroom.model.RawArticle}, and the URI that relative item links resolve against.
 *
 * @param feedId  the subscription id; null derives it from {@code feedUrl} ({@link Ids#feed(String)})
 * @param feedUrl the feed's URL (a file URI for a local file is fine when {@code feedId} is given)
 * @param baseUri what relative links resolve against: the URL that answered after redirects, or the
 *                {@code --base-url} of {@code newsroom parse-feed}; null means {@code feedUrl}
 */
public record FeedSource(String feedId, String feedUrl, URI baseUri) {
    public FeedSource {
        if (feedUrl == null || feedUrl.isBlank()) {
            throw new IllegalArgumentException("feedUrl is required and must not be blank");
        }
        feedId = feedId == null || feedId.isBlank() ? Ids.feed(feedUrl) : feedId;
        baseUri = baseUri == null ? URI.create(feedUrl.strip()) : baseUri;
    }

    /** The source of a subscribed feed, relative links resolving against its URL. */
    public static FeedSource of(FeedSubscription feed) {
        Objects.requireNonNull(feed, "feed");
        return new FeedSource(feed.id(), feed.url(), null);
    }

    /** The source of a feed known by its http(s) URL. */
    public static FeedSource of(String feedUrl) {
        return new FeedSource(null, feedUrl, null);
    }

    /** The same source with relative links resolving against {@code base}. */
    public FeedSource withBaseUri(URI base) {
        return new FeedSource(feedId, feedUrl, Objects.requireNonNull(base, "base"));
    }
}
