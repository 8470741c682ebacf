package dev.newsroom.ingest;

import dev.newsroom.model.RawArticle;
import java.time.Duration;
import java.util.List;

/**
 * What {@link FeedParser} read from one feed document.
 *
 * @param title    the feed's title as plain text, may be empty
 * @param articles the items that have a usable URL, in document order
 * @param skipped  one sentence per item that was left out and why (no link, a link that is not
 *                 http(s), ...), so that nothing is dropped silently
 * @param updateHint how often the feed says it changes (RSS {@code <ttl>}, {@code sy:updatePeriod} /
 *                   {@code sy:updateFrequency}); null when it does not say
 */
public record ParsedFeed(String title, List<RawArticle> articles, List<String> skipped, Duration updateHint) {
    /** A feed that says nothing about how often it changes. */
    public ParsedFeed(String title, List<RawArticle> articles, List<String> skipped) {
        this(title, articles, skipped, null);
    }

    /** The same feed with an update hint. */
    public ParsedFeed withUpdateHint(Duration hint) {
        return new ParsedFeed(title, articles, skipped, hint);
    }

    public ParsedFeed {
        title = title == null ? "" : title;
        articles = List.copyOf(articles);
        skipped = List.copyOf(skipped);
    }
}
