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

    @Test
    void shouldLogOnlyTheFirstLineOfAProblemCutTo200Characters() {
        String body = "ResponseException: status line [HTTP/1.1 429 Too Many Requests]\n{\"error\":" + "x".repeat(5000) + "}";

        assertThat(DocumentWriter.summary(body)).isEqualTo("ResponseException: status line [HTTP/1.1 429 Too Many Requests]");
        assertThat(DocumentWriter.summary("y".repeat(300))).hasSize(203).endsWith("...");
        assertThat(DocumentWriter.summary(null)).isEqualTo("no reason given");
    }
}
