package dev.newsroom.ingest.support;

import dev.newsroom.ingest.IngestConfig;
import dev.newsroom.ingest.IngestService;
import dev.newsroom.model.NewsTopics;
import dev.newsroom.model.config.KafkaConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * One ingest instance in its own JVM, for tests that kill it: {@code IngestMain BOOTSTRAP PREFIX GROUP}.
 * It runs until the process is killed.
 */
public final class IngestMain {
    private IngestMain() {}

    public static void main(String[] args) {
        KafkaConnection kafka = new KafkaConnection(args[0], IngestFailoverSettings.CLIENT_PROPERTIES);
        IngestConfig config = new IngestConfig(IngestFailoverSettings.INTERVAL, Duration.ofSeconds(5), 1L << 20, 4, true, args[2]);
        new IngestService(config, kafka, NewsTopics.withPrefix(args[1]), new SimpleMeterRegistry(), Clock.systemUTC()).run();
    }

    /** What the killed and the surviving instance share. */
    public static final class IngestFailoverSettings {
        /** Short session and transaction timeouts, so that a killed instance is noticed and its open transaction aborted within seconds. */
        public static final Map<String, String> CLIENT_PROPERTIES = Map.of("session.timeout.ms", "6000",
                "heartbeat.interval.ms", "1000", "transaction.timeout.ms", "10000");
        public static final Duration INTERVAL = Duration.ofSeconds(10);

        private IngestFailoverSettings() {}
    }
}
