package dev.newsroom.embedded;

import static dev.newsroom.embedded.ElasticsearchProcesses.serversUnder;
import static dev.newsroom.embedded.ElasticsearchProcesses.traversable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.embedded.internal.Ports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed with SIGKILL cannot close its Elasticsearch: the child keeps running and its pid
 * file stays. Here that is simulated by dropping an instance without closing it. Each test
 * leaves nothing running, even when an assertion fails, so they share one data directory (and
 * one unpacked distribution).
 */
class ElasticsearchLeftoverIT {

    @TempDir
    static Path tempDir;

    static Path dataDir;

    @BeforeAll
    static void makeTraversable() throws IOException {
        dataDir = traversable(tempDir).resolve("data");
    }

    @Test
    void shouldReuseALeftoverThatStillAnswers() {
        EmbeddedElasticsearch dropped = EmbeddedElasticsearch.start(dataDir, 0);
        try {
            List<Long> serversBefore = serversUnder(dataDir);
            assertThat(dataDir.resolve("elasticsearch/elasticsearch.pid")).isRegularFile();

            try (EmbeddedElasticsearch next = EmbeddedElasticsearch.start(dataDir, 0)) {
                assertThat(next.pid()).isEqualTo(dropped.pid());
                assertThat(next.url()).isEqualTo(dropped.url());
                assertThat(serversUnder(dataDir)).hasSize(1).isEqualTo(serversBefore);
            }

            assertThat(ProcessHandle.of(dropped.pid()).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(serversUnder(dataDir)).isEmpty();
            assertThat(dataDir.resolve("elasticsearch/elasticsearch.pid")).doesNotExist();
        } finally {
            dropped.close();
        }
    }

    @Test
    void shouldReplaceALeftoverListeningOnAnotherPort() {
        EmbeddedElasticsearch dropped = EmbeddedElasticsearch.start(dataDir, 0);
        try {
            List<Long> leftoverServers = serversUnder(dataDir);
            int otherPort = Ports.pickFreeOutsideEphemeralRange();

            try (EmbeddedElasticsearch next = EmbeddedElasticsearch.start(dataDir, otherPort)) {
                assertThat(next.pid()).isNotEqualTo(dropped.pid());
                assertThat(next.url()).isEqualTo("http://127.0.0.1:" + otherPort);
                assertThat(ProcessHandle.of(dropped.pid()).filter(ProcessHandle::isAlive)).isEmpty();
                assertThat(serversUnder(dataDir)).hasSize(1).doesNotContainAnyElementsOf(leftoverServers);
            }

            assertThat(serversUnder(dataDir)).isEmpty();
            dropped.close();
            assertThat(dataDir.resolve("elasticsearch/elasticsearch.pid")).doesNotExist();
        } finally {
            dropped.close();
        }
    }
}
