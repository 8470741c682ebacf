package dev.newsroom.streams;

import dev.newsroom.model.NewsTopics;
import dev.newsroom.streams.internal.ArticleMapper;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The one place the stream graph is defined; the service, the offline tools and every test build
 * it here. Every node is named, so names stay stable across releases ({@code topology.txt} in this
 * module holds the described shape, and a test compares it).
 */
public final class NewsTopology {
    private NewsTopology() {}

    /** raw articles → cleaned articles. */
    public static Topology build(NewsTopics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.raw().name(), Consumed.with(topics.raw().keySerde(), topics.raw().valueSerde()).withName("raw-articles"))
                .filter((id, raw) -> raw != null, Named.as("skip-tombstones"))
                .mapValues(ArticleMapper::clean, Named.as("clean-article"))
                .to(topics.articles().name(), Produced.with(topics.articles().keySerde(), topics.articles().valueSerde()).withName("articles"));
        return builder.build();
    }
}
