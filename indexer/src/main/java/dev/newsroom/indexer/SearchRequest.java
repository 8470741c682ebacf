package dev.newsroom.indexer;

import java.time.Instant;

/**
 * What to search for. Every filter is optional (null); they combine with AND.
 *
 * @param query   words to find in title (weighted twice) and text, in
 *                {@code simple_query_string} syntax ({@code "exact phrase"}, {@code -not},
 *                {@code a | b}); all words must match. Empty: every document, newest first
 * @param kind    stories (one hit per story) or articles (one hit per copy)
 * @param topic   an IPTC Media Topic code ({@code medtop:16000000}) or label
 *                ({@code terrorism}), any case
 * @param country an ISO 3166-1 alpha-2 code, any case
 * @param site    a site, any case; for stories, any copy's site
 * @param since   published at or after
 * @param until   published at or before
 * @param limit   most hits, 1 to 1000
 */
public record SearchRequest(
        String query,
        Kind kind,
        String topic,
        String country,
        String site,
        Instant since,
        Instant until,
        int limit) {

    /** Hits returned unless told otherwise. */
    public static final int DEFAULT_LIMIT = 20;
    /** Most hits one search returns. */
    public static final int MAX_LIMIT = 1000;

    /** What a hit is. */
    public enum Kind {
        /** One hit per story, from the stories index. */
        STORIES,
        /** One hit per copy, from the articles index. */
        ARTICLES
    }

    public SearchRequest {
        query = query == null ? "" : query.strip();
        kind = kind == null ? Kind.STORIES : kind;
        topic = blankToNull(topic);
        country = blankToNull(country);
        site = blankToNull(site);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
        }
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("since (" + since + ") must not be after until (" + until + ")");
        }
    }

    /** Stories matching {@code query}, no filters, {@value #DEFAULT_LIMIT} hits. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, Kind.STORIES, null, null, null, null, null, DEFAULT_LIMIT);
    }

    /** The same search over articles or stories. */
    public SearchRequest withKind(Kind otherKind) {
        return new SearchRequest(query, otherKind, topic, country, site, since, until, limit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
