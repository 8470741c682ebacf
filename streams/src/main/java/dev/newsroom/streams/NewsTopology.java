package dev.newsroom.streams;

import dev.newsroom.model.Article;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.streams.internal.ArticleMapper;
import dev.newsroom.streams.internal.PassThroughStore;
import dev.newsroom.streams.internal.StoryAssignment;
import dev.newsroom.streams.internal.StoryChange;
import dev.newsroom.streams.tag.Tagger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The one place the stream graph is defined; the service, the offline tools and every test build
 * it here. Every node is named, so names stay stable across releases ({@code topology.txt} in this
 * module holds the described shape, and a test compares it).
 *
 * <p>Three sub-topologies: cleaning and tagging (stateless, as parallel as the raw topic), then story assignment
 * behind a single-partition repartition topic, so every article meets every earlier one in one
 * task whatever the raw partition count or the number of instances (see docs/architecture.md), then
 * the table that sends each story's latest record once per commit (ADR 13).
 */
public final class NewsTopology {
    /** Name of the single-partition repartition topic in front of story assignment. */
    public static final String ASSIGNMENT_TOPIC = "story-assignment";
    /** The table whose cache passes on only the latest record of each story per commit ({@link PassThroughStore}). */
    public static final String LATEST_STORIES = "story-latest";

    private NewsTopology() {}

    /** raw articles → articles and stories, with the default dedup parameters and the shipped tagger. */
    public static Topology build(NewsTopics topics) {
        return build(topics, DedupParameters.defaults());
    }

    /** raw articles → articles and stories, with the shipped tagger. */
    public static Topology build(NewsTopics topics, DedupParameters parameters) {
        return build(topics, parameters, Tagger.defaults());
    }

    /** raw articles → tagged articles and stories. */
    public static Topology build(NewsTopics topics, DedupParameters parameters, Tagger tagger) {
        ArticleMapper mapper = new ArticleMapper(tagger);
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, StoryChange> changes = builder
                .stream(topics.raw().name(), Consumed.with(topics.raw().keySerde(), topics.raw().valueSerde()).withName("raw-articles"))
                .filter((id, raw) -> raw != null, Named.as("skip-tombstones"))
                .mapValues(mapper::clean, Named.as("clean-article"))
                .repartition(Repartitioned.with(topics.articles().keySerde(), topics.articles().valueSerde())
                        .withName(ASSIGNMENT_TOPIC).withNumberOfPartitions(1))
                .process(new StoryAssignment(parameters), Named.as("assign-story"));
        changes.split(Named.as("route-"))
                .branch((k, c) -> c instanceof StoryChange.CopyChanged, Branched.withConsumer(copies -> copies
                        .mapValues(c -> ((StoryChange.CopyChanged) c).article(), Named.as("copy-article"))
                        .to(topics.articles().name(), Produced.with(topics.articles().keySerde(), topics.articles().valueSerde())
                                .withName("articles")), "copies"))
                .defaultBranch(Branched.withConsumer(stories -> stories
                        .mapValues(change -> storyRecord(topics, change), Named.as("story-record"))
                        // the latest record of each story since the last commit: the table's cache keeps it and
                        // forwards it on commit, so a story that took many copies in one interval is sent once
                        .toTable(Named.as("latest-story"), Materialized.<String, byte[]>as(PassThroughStore.supplier(LATEST_STORIES))
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()).withCachingEnabled().withLoggingDisabled())
                        .toStream(Named.as("story-revisions"))
                        .mapValues(json -> json == null || json.length == 0 ? null : json, Named.as("story-or-tombstone"))
                        .to(topics.stories().name(), Produced.with(topics.stories().keySerde(), Serdes.ByteArray()).withName("stories")),
                        "stories"));
        return builder.build();
    }

    /** A story's record as its topic's serde writes it; an absorbed story's tombstone as an empty value until it is sent. */
    private static byte[] storyRecord(NewsTopics topics, StoryChange change) {
        return change instanceof StoryChange.StoryChanged s
                ? topics.stories().valueSerde().serializer().serialize(topics.stories().name(), s.story()) : new byte[0];
    }
}
