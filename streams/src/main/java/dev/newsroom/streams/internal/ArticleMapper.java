package dev.newsroom.streams.internal;

import dev.newsroom.model.Article;
import dev.newsroom.model.RawArticle;

/**
 * Builds the cleaned {@link Article} of a raw item. Until stories are formed, each article is the
 * canonical and only copy of a story whose id derives from the article id.
 */
public final class ArticleMapper {
    private ArticleMapper() {}

    public static Article clean(RawArticle raw) {
        return new Article(
                raw.id(),
                storyIdOf(raw.id()),
                true,
                1.0,
                raw.url(),
                raw.site(),
                ArticleCleaner.text(raw.title()),
                ArticleCleaner.text(raw.bodyHtml()),
                raw.feedUrl(),
                raw.publishedAt(),
                raw.fetchedAt(),
                null,
                null,
                null,
                raw.language());
    }

    /** The story id that an article founds: {@code s-} and the article id's hash. */
    public static String storyIdOf(String articleId) {
        return "s-" + (articleId.startsWith("a-") ? articleId.substring(2) : articleId);
    }
}
