package dev.newsroom.indexer.internal;

import dev.newsroom.model.Article;
import dev.newsroom.model.FeedStatus;
import dev.newsroom.model.Story;
import dev.newsroom.model.StoryCopy;
import dev.newsroom.model.TopicTag;
import java.time.Instant;
import java.util.List;

/**
 * The Elasticsearch documents the indexer writes, one record per index. Their components, in
 * snake_case, are exactly the fields of the index mappings in {@link IndexMappings}; a unit test
 * holds the two together, since the mappings are strict.
 */
public final class Documents {
    private Documents() {}

    /**
     * One copy, in {@code news-articles}; id = article id. {@code published_at} is the published
     * time, or the fetch time when the feed gave none, so every copy has a place on a time line.
     */
    public record ArticleDocument(
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
            List<String> keywords) {

        public static ArticleDocument of(Article a) {
            return new ArticleDocument(a.id(), a.storyId(), a.canonical(), a.similarity(), a.url(), a.site(),
                    a.title(), a.text(), a.feedUrl(), a.effectivePublishedAt(), a.fetchedAt(), a.topics(),
                    a.regions(), a.countries(), a.language(), a.keywords());
        }
    }

    /**
     * One story, in {@code news-stories}; id = story id, external version = revision. The canonical
     * copy's url and site are lifted to the top; {@code sites} and {@code urls} list every listed
     * copy's (all of them unless the story has more than {@link Story#MAX_LISTED_COPIES});
     * {@code copy_count} counts every copy.
     */
    public record StoryDocument(
            String id,
            long revision,
            Instant publishedAt,
            String title,
            String text,
            String url,
            String site,
            List<String> sites,
            List<String> urls,
            int copyCount,
            List<TopicTag> topics,
            List<String> regions,
            List<String> countries,
            String language,
            List<String> keywords,
            StoryCopy canonical,
            List<StoryCopy> copies) {

        public static StoryDocument of(Story s) {
            return new StoryDocument(s.id(), s.revision(), s.publishedAt(), s.title(), s.text(),
                    s.canonical().url(), s.canonical().site(),
                    s.copies().stream().map(StoryCopy::site).distinct().toList(),
                    s.copies().stream().map(StoryCopy::url).distinct().toList(),
                    s.copyCount(), s.topics(), s.regions(), s.countries(), s.language(), s.keywords(), s.canonical(), s.copies());
        }
    }

    /** One poll of one feed, in {@code news-feed-status}; id = {@link #idOf(FeedStatus)}. */
    public record FeedStatusDocument(
            String feedId,
            String feedUrl,
            Instant polledAt,
            String outcome,
            int httpStatus,
            int itemsNew,
            int itemsSeen,
            long latencyMs,
            String error,
            boolean healthy,
            long bytes,
            String errorClass,
            String fullTextNote) {

        public static FeedStatusDocument of(FeedStatus f) {
            return new FeedStatusDocument(f.feedId(), f.feedUrl(), f.polledAt(), f.outcome().name(), f.httpStatus(),
                    f.itemsNew(), f.itemsSeen(), f.latencyMs(), f.error(), f.healthy(), f.bytes(), f.errorClass(), f.fullTextNote());
        }

        /** Feed id and poll time, so a replayed status overwrites its own document. */
        public static String idOf(FeedStatus f) {
            return f.feedId() + "@" + f.polledAt();
        }
    }
}
