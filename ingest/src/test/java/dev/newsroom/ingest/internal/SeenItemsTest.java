package dev.newsroom.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenItemsTest {

    @Test
    void shouldForgetTheLeastRecentlySeenBeyondCapacity() {
        SeenItems seen = new SeenItems(2);
        seen.remember("a");
        seen.remember("b");
        assertThat(seen.contains("a")).isTrue();

        seen.remember("c");

        assertThat(seen.contains("a")).isTrue();
        assertThat(seen.contains("b")).isFalse();
        assertThat(seen.contains("c")).isTrue();
        assertThat(seen.size()).isEqualTo(2);
    }
}
