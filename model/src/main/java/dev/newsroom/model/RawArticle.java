package dev.newsroom.model;

import java.time.Instant;
import java.util.List;

/**
 * One feed item as ingest saw it; the value of {@code newsroom.raw}, keyed by {@link #id()}.
 *
 * @param id          {@link Ids#article(String)} of the item URL (or of a permalink guid)
 * @param feedId      the subscription it came from
 * @param feedUrl     the feed document's URL
 * @param url         the item's link, absolute
 * @param guid        the feed's own id for the item, may be empty
 * @param title       plain-text title, may be empty
 * @param summary     the description or summary as given (may hold HTML), may be empty
 * @param contentHtml the full content as given (HTML), may be empty
 * @param author      may be empty
 * @param categories  the feed's category labels
 * @param publishedAt when the item says it was published; null when the feed does not say
 * @param fetchedAt   when ingest fetched it
 * @param site        {@link Ids#site(String)} of the item URL
 * @param language    the feed's declared language (ISO 639-1), may be empty
 */
public record RawArticle(
        String id,
        String feedId,
        String feedUrl,
        String url,
        String guid,
        String title,
        String summary,
        String contentHtml,
        String author,
        List<String> categories,
        Instant publishedAt,
        Instant fetchedAt,
        String site,
        String language) {

    public RawArticle {
        Checks.required(id, "id");
        Checks.required(url, "url");
        Checks.required(feedUrl, "feedUrl");
        Checks.notNull(fetchedAt, "fetchedAt");
        feedId = feedId == null ? Ids.feed(feedUrl) : feedId;
        guid = Checks.orEmpty(guid);
        title = Checks.orEmpty(title);
        summary = Checks.orEmpty(summary);
        contentHtml = Checks.orEmpty(contentHtml);
        author = Checks.orEmpty(author);
        categories = Checks.copy(categories);
        site = site == null || site.isBlank() ? Ids.site(url) : site;
        language = Checks.orEmpty(language);
    }

    /** The richest body the feed gave: the full content, else the summary. */
    public String bodyHtml() {
        return contentHtml.isEmpty() ? summary : contentHtml;
    }
}
