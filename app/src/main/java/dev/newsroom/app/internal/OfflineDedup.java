package dev.newsroom.app.internal;

import dev.newsroom.model.Article;
import dev.newsroom.model.DeadLetter;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.RawArticle;
import dev.newsroom.model.Story;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.streams.DedupParameters;
import dev.newsroom.streams.NewsStreamsConfig;
import dev.newsroom.streams.NewsTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The real topology ({@link NewsTopology#build}, same processors, stores and parameters) run in
 * this process over articles given in order, with state in a temporary directory: Kafka's
 * {@link TopologyTestDriver} is the in-process executor, so no broker is needed and records are
 * processed one at a time, exactly in input order. Of the outputs it keeps only where each copy
 * was last placed and each story's canonical copy, not the copies and stories themselves, so a
 * large input does not fill the heap with texts.
 */
public final class OfflineDedup implements AutoCloseable {
    private static final int DRAIN_EVERY = 1_000;
    private final NewsTopics topics = NewsTopics.defaults();
    private final Path stateDir;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, RawArticle> raw;
    private final TestOutputTopic<String, Article> articles;
    private final TestOutputTopic<String, Story> stories;
    private final TestOutputTopic<byte[], DeadLetter> deadLetters;
    private final Map<String, Placement> placements = new HashMap<>();
    private final Map<String, String> canonicalByStory = new HashMap<>();
    private final Map<String, String> errors = new HashMap<>();
    private long processed;

    public OfflineDedup(ConfigSource config) {
        try {
            stateDir = Files.createTempDirectory("newsroom-dedup-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary state directory: " + e.getMessage(), e);
        }
        Map<String, String> flags = new HashMap<>();
        flags.put("bootstrap.servers", "offline:9092");
        flags.put(NewsStreamsConfig.STATE_DIR.key(), stateDir.toString());
        // No broker, no transactions: exactly-once would only make the driver commit after every record.
        flags.put(NewsStreamsConfig.PROCESSING_GUARANTEE.key(), "at_least_once");
        Properties props = NewsStreamsConfig.from(ConfigSource.ofFlags(flags)).streamsProperties();
        driver = new TopologyTestDriver(NewsTopology.build(topics, DedupParameters.from(config)), props);
        raw = driver.createInputTopic(topics.raw().name(), topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer());
        articles = driver.createOutputTopic(topics.articles().name(), topics.articles().keySerde().deserializer(),
                topics.articles().valueSerde().deserializer());
        stories = driver.createOutputTopic(topics.stories().name(), topics.stories().keySerde().deserializer(),
                topics.stories().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.dlq().name(), topics.dlq().keySerde().deserializer(),
                topics.dlq().valueSerde().deserializer());
    }

    /** Processes one article, its record time the time it was seen. */
    public void process(RawArticle article, Instant seenAt) {
        raw.pipeInput(article.id(), article, seenAt);
        for (KeyValue<String, Article> kv : articles.readKeyValuesToList()) {
            placements.put(kv.key, new Placement(kv.value.storyId(), kv.value.canonical(), kv.value.similarity()));
        }
        for (KeyValue<String, Story> kv : stories.readKeyValuesToList()) {
            if (kv.value == null) {
                canonicalByStory.remove(kv.key);
            } else {
                canonicalByStory.put(kv.key, kv.value.canonical().articleId());
            }
        }
        if (++processed % DRAIN_EVERY == 0) {
            drainOtherTopics();
        }
        if (driver.producedTopicNames().contains(topics.dlq().name())) {
            for (KeyValue<byte[], DeadLetter> kv : deadLetters.readKeyValuesToList()) {
                errors.put(article.id(), kv.value.error());
            }
        }
    }

    /**
     * Where a copy was last placed.
     *
     * @param storyId    its story
     * @param canonical  whether it is the story's canonical copy
     * @param similarity its similarity to the canonical copy
     */
    public record Placement(String storyId, boolean canonical, double similarity) {}

    /**
     * The driver keeps every record sent to any topic until it is read, the stores' changelogs
     * included (about 70 records per article); those are read and dropped here, or a large input
     * would fill the heap with them.
     */
    private void drainOtherTopics() {
        Set<String> kept = Set.of(topics.articles().name(), topics.stories().name(), topics.dlq().name());
        for (String topic : driver.producedTopicNames()) {
            if (!kept.contains(topic)) {
                driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
            }
        }
    }

    /** Where the copy of an article was last placed; null if it was not processed or went to the dead-letter topic. */
    public Placement placement(String id) {
        return placements.get(id);
    }

    /** The article id of a story's canonical copy as last emitted; null if the story was absorbed by a merge. */
    public String canonicalOf(String storyId) {
        return canonicalByStory.get(storyId);
    }

    /** Why an article went to the dead-letter topic; null if it did not. */
    public String error(String id) {
        return errors.get(id);
    }

    /** How many stories exist now. */
    public int storyCount() {
        return canonicalByStory.size();
    }

    @Override
    public void close() {
        driver.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the temporary state directory " + stateDir + ": " + e.getMessage(), e);
        }
    }
}
