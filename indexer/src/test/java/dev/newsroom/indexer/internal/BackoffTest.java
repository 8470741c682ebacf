package dev.newsroom.indexer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void shouldDoubleThePauseBelowTheLimit() {
        assertThat(Backoff.next(Duration.ofMillis(100), Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void shouldStopAtTheLimit() {
        assertThat(Backoff.next(Duration.ofSeconds(20), Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.next(Duration.ofSeconds(30), Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }
}
