package dev.newsroom.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.app.internal.Lifecycle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void shouldCloseInReverseOrderOnce() {
        List<String> closed = new ArrayList<>();
        Lifecycle lifecycle = new Lifecycle();
        lifecycle.add("Kafka", () -> closed.add("Kafka"));
        lifecycle.add("Elasticsearch", () -> closed.add("Elasticsearch"));
        lifecycle.add("indexer", () -> closed.add("indexer"));

        lifecycle.close();
        lifecycle.close();

        assertThat(closed).containsExactly("indexer", "Elasticsearch", "Kafka");
    }

    @Test
    void shouldStopAtOnceWhatFinishesStartingAfterTheClose() {
        List<String> closed = new ArrayList<>();
        Lifecycle lifecycle = new Lifecycle();
        lifecycle.close();

        assertThatThrownBy(() -> lifecycle.add("Elasticsearch", () -> closed.add("Elasticsearch")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("newsroom is stopping");
        assertThat(closed).containsExactly("Elasticsearch");
    }

    @Test
    void shouldGoOnClosingWhenOneResourceFails() {
        List<String> closed = new ArrayList<>();
        Lifecycle lifecycle = new Lifecycle();
        lifecycle.add("Kafka", () -> closed.add("Kafka"));
        lifecycle.add("indexer", () -> {
            throw new IllegalStateException("boom");
        });

        lifecycle.close();

        assertThat(closed).containsExactly("Kafka");
    }
}
