package dev.newsroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchSettingsTest {

    @TempDir
    Path dir;

    Path zip;

    @BeforeEach
    void createDistribution() throws IOException {
        zip = Files.createFile(dir.resolve("elasticsearch.zip"));
    }

    ElasticsearchSettings.Builder builder() {
        return ElasticsearchSettings.builder(dir).distribution(zip);
    }

    @Test
    void shouldDefaultToWhatNewsroomRunUses() {
        ElasticsearchSettings settings = builder().build();

        assertThat(settings.httpPort()).isEqualTo(9200);
        assertThat(settings.heapMegabytes()).isEqualTo(512);
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.stopTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.clusterName()).isEqualTo("newsroom");
        assertThat(settings.nodeName()).isEqualTo("newsroom-1");
        assertThat(settings.javaHome()).isEqualTo(Path.of(System.getProperty("java.home")));
    }

    @Test
    void shouldAcceptPortZeroForAnyFreePort() {
        assertThat(builder().httpPort(0).build().httpPort()).isZero();
    }

    @Test
    void shouldRejectAPortOutsideTheTcpRange() {
        assertThatThrownBy(() -> builder().httpPort(65536).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("httpPort must be between 0 and 65535 (0 picks a free port), but was 65536.");
        assertThatThrownBy(() -> builder().httpPort(-1).build())
                .hasMessage("httpPort must be between 0 and 65535 (0 picks a free port), but was -1.");
    }

    @Test
    void shouldRejectAHeapBelow256Megabytes() {
        assertThatThrownBy(() -> builder().heapMegabytes(255).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heapMegabytes must be between 256 and 31744, but was 255.");
    }

    @Test
    void shouldRejectTimeoutsThatAreNotPositive() {
        assertThatThrownBy(() -> builder().startTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startTimeout must be positive, but was PT0S.");
        assertThatThrownBy(() -> builder().stopTimeout(Duration.ofSeconds(-1)).build())
                .hasMessage("stopTimeout must be positive, but was PT-1S.");
    }

    @Test
    void shouldRejectNamesThatCannotNameALogFile() {
        assertThatThrownBy(() -> builder().clusterName("my cluster").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clusterName must be letters, digits, '.', '_' or '-', but was 'my cluster'.");
        assertThatThrownBy(() -> builder().nodeName("../node").build())
                .hasMessage("nodeName must be letters, digits, '.', '_' or '-', but was '../node'.");
    }

    @Test
    void shouldRejectAMissingDistribution() {
        Path missing = dir.resolve("missing.zip");

        assertThatThrownBy(() -> builder().distribution(missing).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("distribution " + missing + " is not a file; set the system property "
                        + "newsroom.elasticsearch.zip or call distribution(Path) with the Elasticsearch zip.");
    }

    @Test
    void shouldRejectAJavaHomeWithoutJava() {
        assertThatThrownBy(() -> builder().javaHome(dir).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("javaHome " + dir + " has no executable bin/java.");
    }

    @Test
    void shouldRejectAMissingDataDirectory() {
        assertThatThrownBy(() -> ElasticsearchSettings.builder(null).distribution(zip).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataDir must be set.");
    }

    @Test
    void shouldWriteExtraSettingsIntoElasticsearchYml() throws IOException {
        ElasticsearchSettings settings = builder().extraSettings(java.util.Map.of(
                "thread_pool.write.queue_size", "1", "thread_pool.write.size", "1")).build();
        dev.newsroom.embedded.internal.ElasticsearchLayout layout =
                dev.newsroom.embedded.internal.ElasticsearchLayout.of(dir, "home", settings.clusterName());
        Files.createDirectories(layout.home().resolve("config"));

        layout.writeConfiguration(settings);

        assertThat(settings.extraSettings()).containsOnlyKeys("thread_pool.write.queue_size", "thread_pool.write.size");
        assertThat(Files.readString(layout.config().resolve("elasticsearch.yml")))
                .contains("\nthread_pool.write.queue_size: \"1\"\n", "\nthread_pool.write.size: \"1\"\n");
    }

    @Test
    void shouldRejectAnExtraSettingThatNewsroomManages() {
        assertThatThrownBy(() -> builder().extraSettings(java.util.Map.of("http.port", "9300")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("may not set http.port");
        assertThatThrownBy(() -> builder().extraSettings(java.util.Map.of("Not A Key", "1")).build())
                .hasMessageContaining("is not an Elasticsearch setting name");
    }
}
