package dev.newsroom.streams;

import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.config.ConfigSource;
import dev.newsroom.model.config.KafkaConnection;
import dev.newsroom.model.config.Names;
import dev.newsroom.model.config.Setting;
import dev.newsroom.streams.internal.DeadLetterDeserializationHandler;
import dev.newsroom.streams.internal.DeadLetterProcessingHandler;
import dev.newsroom.streams.internal.DeadLetters;
import dev.newsroom.streams.tag.Tagger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Everything the streams service needs, validated at start.
 *
 * @param applicationId       Kafka Streams application id (consumer group, internal topic prefix)
 * @param stateDir            where state stores live
 * @param threads             stream threads in this instance
 * @param processingGuarantee {@code exactly_once_v2} or {@code at_least_once}
 * @param commitInterval      how often stream threads commit: under exactly-once, how long their output stays invisible at most
 * @param maxPollInterval     how long a stream thread may go without polling before it leaves its group
 * @param storyInterval       how often the latest record of each changed story is sent (ADR 14)
 * @param topics              the topics read and written
 * @param kafka               how to reach Kafka
 * @param dedup               how copies are found ({@code streams.dedup.*})
 * @param tagger              how articles are tagged ({@code streams.tagger.*})
 */
public record NewsStreamsConfig(String applicationId, Path stateDir, int threads, String processingGuarantee,
                                Duration commitInterval, Duration maxPollInterval, Duration storyInterval, NewsTopics topics,
                                KafkaConnection kafka, DedupParameters dedup, Tagger tagger) {

    public static final Setting<String> APPLICATION_ID = Setting.string(
            "streams.application-id", "newsroom-streams", "Kafka Streams application id; instances with the same id share the work.");
    public static final Setting<Path> STATE_DIR = Setting.path(
            "streams.state-dir", Path.of(".newsroom", "streams"), "Directory for state stores.");
    public static final Setting<Integer> THREADS = Setting.integer(
            "streams.threads", 1, 1, 64, "Stream threads in this instance.");
    public static final Setting<String> PROCESSING_GUARANTEE = Setting.string(
            "streams.processing-guarantee", StreamsConfig.EXACTLY_ONCE_V2, "exactly_once_v2 or at_least_once.");
    /**
     * Kafka Streams commits every 100 ms under exactly-once by default; each commit is a transaction
     * that flushes every changelog and output partition. 500 ms measured about a third more articles
     * per second through the story stage than 100 ms, at up to 0.4 s more latency per stage
     * (docs/performance.md).
     */
    public static final Setting<Duration> COMMIT_INTERVAL = Setting.duration(
            "streams.commit-interval", Duration.ofMillis(500), Duration.ofMillis(10), Duration.ofMinutes(10),
            "How often stream threads commit (under exactly-once: how long output waits at most before it is visible).");

    /**
     * A stream thread that does not poll for this long leaves its group. Rebuilding the bucket index
     * when the story task starts on restored state (ADR 11) runs between two polls and took 43 s for
     * 100,000 articles (docs/performance.md); Kafka's 5-minute default would cut off a rebuild of
     * about 700,000 articles and start it again elsewhere, over and over.
     */
    public static final Setting<Duration> MAX_POLL_INTERVAL = Setting.duration(
            "streams.max-poll-interval", Duration.ofMinutes(30), Duration.ofSeconds(10), Duration.ofHours(24),
            "How long a stream thread may go without polling, e.g. while it rebuilds the bucket index of a large state, before it leaves its group.");

    /**
     * A story that takes many copies in a burst (a wire story on hundreds of sites) would otherwise be
     * sent, as a record of up to ~50 KB, once per copy. 2 s sent about as many story records in all as
     * ADR 13's once-per-commit table, and a third fewer than 500 ms (ADR 14, docs/performance.md).
     */
    public static final Setting<Duration> STORY_INTERVAL = Setting.duration(
            "streams.story-interval", Duration.ofSeconds(2), Duration.ofMillis(10), Duration.ofMinutes(10),
            "How often the latest record of each story changed since is sent to the stories topic.");

    public NewsStreamsConfig {
        if (!processingGuarantee.equals(StreamsConfig.EXACTLY_ONCE_V2) && !processingGuarantee.equals(StreamsConfig.AT_LEAST_ONCE)) {
            throw new dev.newsroom.model.config.ConfigException("Invalid value '" + processingGuarantee
                    + "' for streams.processing-guarantee: expected exactly_once_v2 or at_least_once");
        }
    }

    /** A configuration with the default dedup parameters and the shipped tagger. */
    public NewsStreamsConfig(String applicationId, Path stateDir, int threads, String processingGuarantee,
                             NewsTopics topics, KafkaConnection kafka) {
        this(applicationId, stateDir, threads, processingGuarantee, COMMIT_INTERVAL.defaultValue(), MAX_POLL_INTERVAL.defaultValue(),
                STORY_INTERVAL.defaultValue(), topics, kafka, DedupParameters.defaults(), Tagger.defaults());
    }

    public static NewsStreamsConfig from(ConfigSource config) {
        return new NewsStreamsConfig(config.get(APPLICATION_ID), config.get(STATE_DIR), config.get(THREADS),
                config.get(PROCESSING_GUARANTEE), config.get(COMMIT_INTERVAL), config.get(MAX_POLL_INTERVAL), config.get(STORY_INTERVAL),
                Names.topics(config),
                KafkaConnection.from(config),
                DedupParameters.from(config), Tagger.from(config));
    }

    /** The Kafka Streams properties, derived here and nowhere else. */
    public Properties streamsProperties() {
        Properties props = kafka.baseProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(DeadLetters.DLQ_TOPIC_CONFIG, topics.dlq().name());
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), (int) maxPollInterval.toMillis());
        return props;
    }
}
