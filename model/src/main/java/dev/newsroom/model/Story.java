package dev.newsroom.model;

import java.time.Instant;
import java.util.List;

/**
 * Every copy of one article across sites; the value of the compacted {@code newsroom.stories},
 * keyed by {@link #id()}. The id never changes; {@link #revision()} grows with every change and
 * is the external version of the story's Elasticsearch document.
 *
 * @param id          stable story id
 * @param revision    1 for the first version, +1 per change
 * @param canonical   the canonical copy
 * @param copies      the copies, the canonical one included; at most {@link #MAX_LISTED_COPIES}
 *                    (the canonical and the earliest published others), so that a story copied by
 *                    hundreds of sites stays well under Kafka's 1 MiB record limit
 * @param title       the canonical copy's title
 * @param text        the canonical copy's clean text
 * @param publishedAt the canonical copy's published time
 * @param topics      merged IPTC Media Topics, best first
 * @param regions     region names
 * @param countries   ISO 3166-1 alpha-2 codes
 * @param language    ISO 639-1, may be empty
 * @param keywords    the copies' feed categories and site tag lines that map to no topic or region
 * @param copyCount   how many copies the story has, listed or not (absent in older records: the
 *                    listed copies)
 */
public record Story(
        String id,
        long revision,
        StoryCopy canonical,
        List<StoryCopy> copies,
        String title,
        String text,
        Instant publishedAt,
        List<TopicTag> topics,
        List<String> regions,
        List<String> countries,
        String language,
        List<String> keywords,
        int copyCount) {

    /** The most copies a story record lists. */
    public static final int MAX_LISTED_COPIES = 200;

    public Story {
        Checks.required(id, "id");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1, was " + revision);
        }
        Checks.notNull(canonical, "canonical");
        copies = Checks.copy(copies);
        if (copies.stream().noneMatch(c -> c.articleId().equals(canonical.articleId()))) {
            throw new IllegalArgumentException("copies must include the canonical copy " + canonical.articleId());
        }
        title = Checks.orEmpty(title);
        text = Checks.orEmpty(text);
        topics = Checks.copy(topics);
        regions = Checks.copy(regions);
        countries = Checks.copy(countries);
        language = Checks.orEmpty(language);
        keywords = Checks.copy(keywords);
        if (copies.size() > MAX_LISTED_COPIES) {
            throw new IllegalArgumentException("a story lists at most " + MAX_LISTED_COPIES + " copies, got " + copies.size());
        }
        copyCount = Math.max(copyCount, copies.size());
    }

    /** A story that lists all its copies. */
    public Story(String id, long revision, StoryCopy canonical, List<StoryCopy> copies, String title, String text,
                 Instant publishedAt, List<TopicTag> topics, List<String> regions, List<String> countries, String language,
                 List<String> keywords) {
        this(id, revision, canonical, copies, title, text, publishedAt, topics, regions, countries, language, keywords, 0);
    }

    /** A story without keywords. */
    public Story(String id, long revision, StoryCopy canonical, List<StoryCopy> copies, String title, String text,
                 Instant publishedAt, List<TopicTag> topics, List<String> regions, List<String> countries, String language) {
        this(id, revision, canonical, copies, title, text, publishedAt, topics, regions, countries, language, List.of(), 0);
    }
}
