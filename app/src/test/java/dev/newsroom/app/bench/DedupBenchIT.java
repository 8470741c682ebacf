package dev.newsroom.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.app.internal.DedupBench;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code bench dedup}: its figures come from articles that really went through, offline and after a failover on the broker. */
class DedupBenchIT {
    @Test
    void shouldMeasureBigStoriesOffline() {
        ObjectNode out = new DedupBench(50, 200, Map.of(), 20).offline();

        assertThat(out.get("articles").asInt()).isEqualTo(200);
        assertThat(out.get("story_size").asInt()).isEqualTo(20);
        assertThat(out.get("throughput_per_s").asDouble()).isPositive();
        assertThat(out.get("cpu_per_article_us").asLong()).isPositive();
    }

    @Test
    void shouldRecoverOnEmptyLocalStateAndThenTakeEveryArticle() {
        ObjectNode out = new DedupBench(300, 100, Map.of(), 0).onBroker(true);

        assertThat(out.get("mode").asText()).isEqualTo("broker");
        assertThat(out.get("recovery_s").asDouble()).isPositive();
        assertThat(out.get("throughput_per_s").asDouble()).isPositive();
        assertThat(out.get("streams_cpu_per_article_us").asLong()).isPositive();
    }
}
