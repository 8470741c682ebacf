package dev.newsroom.model;

import dev.newsroom.model.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The seven topics of the pipeline, typed. Names default to {@code newsroom.*}; a prefix makes a
 * separate set (tests, or two pipelines on one cluster).
 */
public record NewsTopics(
        Topic<String, FeedSubscription> feeds,
        Topic<String, FeedState> feedState,
        Topic<String, RawArticle> raw,
        Topic<String, Article> articles,
        Topic<String, Story> stories,
        Topic<String, FeedStatus> feedStatus,
        Topic<byte[], DeadLetter> dlq) {

    /** Schema versions written by this release. */
    public static final int SCHEMA_VERSION = 1;

    /** The default names: {@code newsroom.feeds}, {@code newsroom.raw}, ... */
    public static NewsTopics defaults() {
        return withPrefix("");
    }

    /** Every default name with a prefix in front, e.g. {@code t42-newsroom.raw}. */
    public static NewsTopics withPrefix(String prefix) {
        String p = prefix == null ? "" : prefix;
        Serde<String> keys = Serdes.String();
        return new NewsTopics(
                new Topic<>(p + "newsroom.feeds", keys, json(FeedSubscription.class)),
                new Topic<>(p + "newsroom.feed-state", keys, json(FeedState.class)),
                new Topic<>(p + "newsroom.raw", keys, json(RawArticle.class)),
                new Topic<>(p + "newsroom.articles", keys, json(Article.class)),
                new Topic<>(p + "newsroom.stories", keys, json(Story.class)),
                new Topic<>(p + "newsroom.feed-status", keys, json(FeedStatus.class)),
                new Topic<>(p + "newsroom.dlq", Serdes.ByteArray(), json(DeadLetter.class)));
    }

    private static <T> JsonSerde<T> json(Class<T> type) {
        return new JsonSerde<>(type, SCHEMA_VERSION);
    }
}
