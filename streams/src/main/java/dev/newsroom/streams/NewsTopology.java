package dev.newsroom.streams;

import dev.newsroom.model.Article;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.Story;
import dev.newsroom.streams.internal.ArticleMapper;
import dev.newsroom.streams.internal.StoryAssignment;
import dev.newsroom.streams.internal.StoryChange;
import dev.newsroom.streams.tag.Tagger;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The one place the stream graph is defined; the service, the offline tools and every test build
 * it here. Every node is named, so names stay stable across releases ({@code topology.txt} in this
 * module holds the described shape, and a test compares it).
 *
 * <p>Two sub-topologies: cleaning and tagging (stateless, as parallel as the raw topic), then story assignment
 * behind a single-partition repartition topic, so every article meets every earlier one in one
 * task whatever the raw partition count or the number of instances (see docs/architecture.md). The
 * assignment sends each copy's record with every change, and each story's latest record once per
 * story interval (ADR 14; with every change where the interval is zero).
 */
public final class NewsTopology {
    /** Name of the single-partition repartition topic in front of story assignment. */
    public static final String ASSIGNMENT_TOPIC = "story-assignment";

    private NewsTopology() {}

    /** raw articles → articles and stories, with the default dedup parameters and the shipped tagger. */
    public static Topology build(NewsTopics topics) {
        return build(topics, DedupParameters.defaults());
    }

    /** raw articles → articles and stories, with the shipped tagger. */
    public static Topology build(NewsTopics topics, DedupParameters parameters) {
        return build(topics, parameters, Tagger.defaults());
    }

    /** raw articles → tagged articles and stories, story records sent with every change. */
    public static Topology build(NewsTopics topics, DedupParameters parameters, Tagger tagger) {
        return build(topics, parameters, tagger, Duration.ZERO);
    }

    /**
     * raw articles → tagged articles and stories, the latest record of each changed story sent every
     * {@code storyInterval} (ADR 14; {@link Duration#ZERO}: with every change).
     */
    public static Topology build(NewsTopics topics, DedupParameters parameters, Tagger tagger, Duration storyInterval) {
        ArticleMapper mapper = new ArticleMapper(tagger);
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, StoryChange> changes = builder
                .stream(topics.raw().name(), Consumed.with(topics.raw().keySerde(), topics.raw().valueSerde()).withName("raw-articles"))
                .filter((id, raw) -> raw != null, Named.as("skip-tombstones"))
                .mapValues(mapper::clean, Named.as("clean-article"))
                .repartition(Repartitioned.with(topics.articles().keySerde(), topics.articles().valueSerde())
                        .withName(ASSIGNMENT_TOPIC).withNumberOfPartitions(1))
                .process(new StoryAssignment(parameters, storyInterval), Named.as("assign-story"));
        changes.split(Named.as("route-"))
                .branch((k, c) -> c instanceof StoryChange.CopyChanged, Branched.withConsumer(copies -> copies
                        .mapValues(c -> ((StoryChange.CopyChanged) c).article(), Named.as("copy-article"))
                        .to(topics.articles().name(), Produced.with(topics.articles().keySerde(), topics.articles().valueSerde())
                                .withName("articles")), "copies"))
                .defaultBranch(Branched.withConsumer(stories -> stories
                        .mapValues(NewsTopology::storyOrTombstone, Named.as("story-or-tombstone"))
                        .to(topics.stories().name(), Produced.with(topics.stories().keySerde(), topics.stories().valueSerde())
                                .withName("stories")),
                        "stories"));
        return builder.build();
    }

    /** A story's record; an absorbed story's is a tombstone. */
    private static Story storyOrTombstone(StoryChange change) {
        return change instanceof StoryChange.StoryChanged s ? s.story() : null;
    }
}
