package dev.newsroom.model;

/**
 * The Elasticsearch indices of the pipeline. Names default to {@code news-*}; a prefix makes a
 * separate set.
 */
public record IndexNames(String stories, String articles, String feedStatus) {
    public IndexNames {
        for (String name : new String[] {stories, articles, feedStatus}) {
            Checks.required(name, "index name");
            if (!name.matches("[a-z0-9][a-z0-9._-]{0,254}")) {
                throw new IllegalArgumentException("'" + name + "' is not a legal Elasticsearch index name (lowercase letters, digits, . _ -)");
            }
        }
    }

    public static IndexNames defaults() {
        return withPrefix("");
    }

    public static IndexNames withPrefix(String prefix) {
        String p = prefix == null ? "" : prefix;
        return new IndexNames(p + "news-stories", p + "news-articles", p + "news-feed-status");
    }
}
