package dev.newsroom.streams.internal;

import dev.newsroom.model.Article;
import dev.newsroom.model.RawArticle;
import dev.newsroom.streams.tag.Tagger;

/**
 * Builds the cleaned and tagged {@link Article} of a raw item, with its attribution. Until the
 * story assigner places it, each article is the canonical and only copy of the story it would found.
 */
public final class ArticleMapper {
    private final Tagger tagger;

    public ArticleMapper(Tagger tagger) {
        this.tagger = tagger;
    }

    /**
     * @throws IllegalArgumentException if the item has no text (it goes to the dead-letter topic)
     */
    public Article clean(RawArticle raw) {
        String text = ArticleCleaner.text(raw.bodyHtml());
        if (text.isBlank()) {
            throw new IllegalArgumentException("Article " + raw.id() + " from " + raw.url() + " has no text to fingerprint");
        }
        return tagger.tag(new Article(
                raw.id(),
                StoryAssigner.storyIdOf(raw.id()),
                true,
                1.0,
                raw.url(),
                raw.site(),
                ArticleCleaner.text(raw.title()),
                text,
                raw.feedUrl(),
                raw.publishedAt(),
                raw.fetchedAt(),
                null,
                null,
                null,
                raw.language(),
                AttributionExtractor.extract(raw.url(), raw.bodyHtml(), text).orElse(null),
                null), raw.categories());
    }

    /** The story id that an article founds: {@code s-} and the article id's hash. */
    public static String storyIdOf(String articleId) {
        return StoryAssigner.storyIdOf(articleId);
    }
}
