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
 * @param summary     the description or summary as HTML (ingest sanitises it: no scripts, event handlers or
 *                    {@code javascript:} links), may be empty
 * @param contentHtml the full content as HTML, sanitised like {@code summary}, may be empty
 * @param author      may be empty
 * @param categories  the feed's category labels
 * @param publishedAt when the item was published: its published date, else its updated date; when neither is
 *                    plausible, the fetch time, and {@code dateNote} says why; null only from older writers
 * @param fetchedAt   when ingest fetched it
 * @param site        {@link Ids#site(String)} of the item URL
 * @param language    the feed's declared language (ISO 639-1), may be empty
 * @param text        the plain text of the richest body ({@link #bodyHtml()}), may be empty
 * @param dateNote    empty when {@code publishedAt} is the item's own date; else why the fetch time stands in:
 *                    {@code missing}, {@code future} (more than a day ahead of the fetch) or {@code before-1990}
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
        String language,
        String text,
        String dateNote) {

    /** An article without plain text or date note (older writers). */
    public RawArticle(String id, String feedId, String feedUrl, String url, String guid, String title, String summary,
                      String contentHtml, String author, List<String> categories, Instant publishedAt, Instant fetchedAt,
                      String site, String language) {
        this(id, feedId, feedUrl, url, guid, title, summary, contentHtml, author, categories, publishedAt, fetchedAt, site,
                language, "", "");
    }

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
        text = Checks.orEmpty(text);
        dateNote = Checks.orEmpty(dateNote);
    }

    /** The richest body the feed gave: the full content, else the summary. */
    public String bodyHtml() {
        return contentHtml.isEmpty() ? summary : contentHtml;
    }
}
