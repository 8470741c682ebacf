package dev.newsroom.indexer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class DocumentWriterTest {

    @RepeatedTest(50)
    void shouldPauseBetweenHalfAndAllOfTheBackoff() {
        Duration pause = DocumentWriter.withJitter(Duration.ofMillis(800));

        assertThat(pause).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
    }

    @Test
    void shouldPauseAtLeastOneMillisecond() {
        assertThat(DocumentWriter.withJitter(Duration.ZERO)).isBetween(Duration.ZERO, Duration.ofMillis(1));
    }
}
