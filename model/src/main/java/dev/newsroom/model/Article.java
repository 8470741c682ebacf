package dev.newsroom.model;

import java.time.Instant;
import java.util.List;

/**
 * One copy of a story after cleaning; the value of {@code newsroom.articles}, keyed by {@link #id()}.
 *
 * @param id          the raw article's id
 * @param storyId     the story this copy belongs to
 * @param canonical   whether this copy is the story's canonical one
 * @param similarity  similarity to the story's canonical copy, 0..1 (1 for the canonical copy)
 * @param url         the copy's URL
 * @param site        the copy's site
 * @param title       plain-text title
 * @param text        clean plain text: markup, share links and boilerplate removed
 * @param feedUrl     the feed it came from
 * @param publishedAt when it says it was published; null if unknown
 * @param fetchedAt   when ingest fetched it
 * @param topics      IPTC Media Topics, best first
 * @param regions     region names
 * @param countries   ISO 3166-1 alpha-2 codes
 * @param language    ISO 639-1, may be empty
 * @param attribution the source this copy names as its original; null if none
 * @param joined      why this copy is in its story; null before stories are formed
 * @param keywords    the feed's categories and the site's tag lines that map to no topic or region
 */
public record Article(
        String id,
        String storyId,
        boolean canonical,
        double similarity,
        String url,
        String site,
        String title,
        String text,
        String feedUrl,
        Instant publishedAt,
        Instant fetchedAt,
        List<TopicTag> topics,
        List<String> regions,
        List<String> countries,
        String language,
        Attribution attribution,
        JoinReason joined,
        List<String> keywords) {

    public Article {
        Checks.required(id, "id");
        Checks.required(storyId, "storyId");
        Checks.unit(similarity, "similarity");
        Checks.required(url, "url");
        Checks.required(site, "site");
        title = Checks.orEmpty(title);
        text = Checks.orEmpty(text);
        feedUrl = Checks.orEmpty(feedUrl);
        Checks.notNull(fetchedAt, "fetchedAt");
        topics = Checks.copy(topics);
        regions = Checks.copy(regions);
        countries = Checks.copy(countries);
        language = Checks.orEmpty(language);
        keywords = Checks.copy(keywords);
    }

    /** An article without keywords. */
    public Article(String id, String storyId, boolean canonical, double similarity, String url, String site,
                   String title, String text, String feedUrl, Instant publishedAt, Instant fetchedAt,
                   List<TopicTag> topics, List<String> regions, List<String> countries, String language,
                   Attribution attribution, JoinReason joined) {
        this(id, storyId, canonical, similarity, url, site, title, text, feedUrl, publishedAt, fetchedAt, topics,
                regions, countries, language, attribution, joined, List.of());
    }

    /** An article without attribution or join reason. */
    public Article(String id, String storyId, boolean canonical, double similarity, String url, String site,
                   String title, String text, String feedUrl, Instant publishedAt, Instant fetchedAt,
                   List<TopicTag> topics, List<String> regions, List<String> countries, String language) {
        this(id, storyId, canonical, similarity, url, site, title, text, feedUrl, publishedAt, fetchedAt, topics,
                regions, countries, language, null, null);
    }

    /** This copy as a member of story {@code storyId}. */
    public Article inStory(String storyId, boolean canonical, double similarity, JoinReason joined) {
        return new Article(id, storyId, canonical, similarity, url, site, title, text, feedUrl, publishedAt, fetchedAt,
                topics, regions, countries, language, attribution, joined, keywords);
    }

    /** The time a reader would sort by: the published time, else the fetch time. */
    public Instant effectivePublishedAt() {
        return publishedAt != null ? publishedAt : fetchedAt;
    }
}
