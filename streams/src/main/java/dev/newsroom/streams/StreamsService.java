package dev.newsroom.streams;

import java.time.Duration;
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
        this.streams = new KafkaStreams(NewsTopology.build(config.topics()), config.streamsProperties());
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
