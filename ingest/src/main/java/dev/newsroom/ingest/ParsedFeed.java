package dev.newsroom.ingest;

import dev.newsroom.model.RawArticle;
import java.util.List;

/**
 * What {@link FeedParser} read from one feed document.
 *
 * @param title    the feed's title as plain text, may be empty
 * @param articles the items that have a usable URL, in document order
 * @param skipped  one sentence per item that was left out and why (no link, a link that is not
 *                 http(s), ...), so that nothing is dropped silently
 */
public record ParsedFeed(String title, List<RawArticle> articles, List<String> skipped) {
    public ParsedFeed {
        title = title == null ? "" : title;
        articles = List.copyOf(articles);
        skipped = List.copyOf(skipped);
    }
}
