package dev.newsroom.indexer;

import java.time.Instant;
import java.util.List;

/**
 * One story or article found. Written with the model's JSON dialect this is the
 * {@code newsroom search --json} line: {@code id}, {@code title}, {@code url}, {@code site},
 * {@code published_at}, {@code story_id}, {@code topics}, {@code countries}, and for stories
 * {@code copy_count} and {@code sites}.
 *
 * @param id          the story id or article id
 * @param title       title
 * @param url         the URL (a story's canonical copy's)
 * @param site        the site (a story's canonical copy's)
 * @param publishedAt when published; null if unknown
 * @param storyId     the story (a story's own id)
 * @param topics      topic labels, best first
 * @param countries   ISO 3166-1 alpha-2 codes
 * @param copyCount   copies of the story; null for an article
 * @param sites       every copy's site; null for an article
 */
public record SearchHit(
        String id,
        String title,
        String url,
        String site,
        Instant publishedAt,
        String storyId,
        List<String> topics,
        List<String> countries,
        Integer copyCount,
        List<String> sites) {

    public SearchHit {
        topics = topics == null ? List.of() : List.copyOf(topics);
        countries = countries == null ? List.of() : List.copyOf(countries);
        sites = sites == null ? null : List.copyOf(sites);
    }
}
