package dev.newsroom.streams;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams service: runs {@link NewsTopology} with the dead-letter handlers until closed. An
 * unexpected exception stops this instance (its partitions move to the others) rather than
 * skipping records; the launcher sees {@link #failed()} and exits 1.
 */
public final class StreamsService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamsService.class);
    private final KafkaStreams streams;
    private final NewsStreamsConfig config;

    public StreamsService(NewsStreamsConfig config) {
        this.config = config;
        this.streams = new KafkaStreams(NewsTopology.build(config.topics(), config.dedup(), config.tagger(), config.storyInterval()),
                config.streamsProperties());
        streams.setUncaughtExceptionHandler(e -> {
            log.error("Streams application {} stops this instance after an unexpected error: {}", config.applicationId(), e.toString(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    /** Starts processing in the background. */
    public void start() {
        log.info("Streams application {} starts reading {} and writing {}.", config.applicationId(),
                config.topics().raw().name(), config.topics().articles().name());
        streams.start();
    }

    /**
     * Records this instance has sent since it started, from its producers' metrics.
     *
     * @param articles     records sent to the articles topic
     * @param stories      records sent to the stories topic
     * @param deadLetters  records sent to the dead-letter topic
     */
    public record Snapshot(long articles, long stories, long deadLetters) {}

    /** What this instance has sent so far; exact, unlike end offsets, which count transaction markers too. */
    public Snapshot snapshot() {
        return new Snapshot(sent(config.topics().articles().name()), sent(config.topics().stories().name()),
                sent(config.topics().dlq().name()));
    }

    private long sent(String topic) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
            MetricName name = metric.getKey();
            if (name.group().equals("producer-topic-metrics") && name.name().equals("record-send-total")
                    && topic.equals(name.tags().get("topic")) && metric.getValue().metricValue() instanceof Number n) {
                total += n.doubleValue();
            }
        }
        return (long) total;
    }

    /** The Kafka Streams state, e.g. RUNNING, REBALANCING, ERROR. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Whether this instance has stopped because of an error. */
    public boolean failed() {
        return streams.state() == KafkaStreams.State.ERROR
                || streams.state() == KafkaStreams.State.PENDING_ERROR;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
