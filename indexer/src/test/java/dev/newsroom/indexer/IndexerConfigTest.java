package dev.newsroom.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.model.config.ConfigException;
import dev.newsroom.model.config.ConfigSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexerConfigTest {

    @Test
    void shouldDefaultToOneBatchOf500PerSecondForOneNode() {
        IndexerConfig config = IndexerConfig.defaults();

        assertThat(config).isEqualTo(new IndexerConfig("newsroom-indexer", 500, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 1, 0));
    }

    @Test
    void shouldReadEveryKey() {
        IndexerConfig config = IndexerConfig.from(ConfigSource.ofFlags(Map.of(
                "indexer.group-id", "other", "indexer.batch-size", "50", "indexer.flush-interval", "250ms",
                "indexer.max-retry-backoff", "2s", "index.shards", "3", "index.replicas", "1")));

        assertThat(config).isEqualTo(new IndexerConfig("other", 50, Duration.ofMillis(250), Duration.ofSeconds(2), 3, 1));
    }

    @Test
    void shouldRejectABatchSizeOutOfRangeNamingTheKeyAndTheRange() {
        assertThatThrownBy(() -> IndexerConfig.from(ConfigSource.ofFlags(Map.of("indexer.batch-size", "0"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("indexer.batch-size")
                .hasMessageContaining("from 1 to 10000");
        assertThatThrownBy(() -> new IndexerConfig("g", 10_001, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 0))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("indexer.batch-size");
    }

    @Test
    void shouldRejectAFlushIntervalOutOfRange() {
        assertThatThrownBy(() -> IndexerConfig.from(ConfigSource.ofFlags(Map.of("indexer.flush-interval", "1m"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("indexer.flush-interval");
    }
}
