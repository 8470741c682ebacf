package dev.newsroom.model;

import java.time.Instant;

/**
 * One copy of a story as the story lists it.
 *
 * @param articleId   the copy's article id
 * @param url         its URL
 * @param site        its site
 * @param title       its title
 * @param publishedAt when it says it was published; null if unknown
 * @param similarity  similarity to the canonical copy, 0..1
 * @param joined      why it is in the story; null if not recorded
 */
public record StoryCopy(String articleId, String url, String site, String title, Instant publishedAt, double similarity,
                        JoinReason joined) {
    public StoryCopy {
        Checks.required(articleId, "articleId");
        Checks.required(url, "url");
        Checks.required(site, "site");
        title = Checks.orEmpty(title);
        Checks.unit(similarity, "similarity");
    }

    /** A copy without a recorded join reason. */
    public StoryCopy(String articleId, String url, String site, String title, Instant publishedAt, double similarity) {
        this(articleId, url, site, title, publishedAt, similarity, null);
    }
}
