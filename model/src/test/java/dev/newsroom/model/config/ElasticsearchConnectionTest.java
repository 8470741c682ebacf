package dev.newsroom.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElasticsearchConnectionTest {

    @Test
    void shouldReadSeveralUrlsSeparatedByCommas() {
        ElasticsearchConnection c = ElasticsearchConnection.from(ConfigSource.ofFlags(Map.of(
                "elasticsearch.url", "https://es-1:9200, https://es-2:9200")));

        assertThat(c.urls()).containsExactly(URI.create("https://es-1:9200"), URI.create("https://es-2:9200"));
        assertThat(c.url()).isEqualTo(URI.create("https://es-1:9200"));
        assertThat(c.urlText()).isEqualTo("https://es-1:9200,https://es-2:9200");
    }

    @Test
    void shouldDefaultToLocalhostAndFiveAndSixtySecondTimeouts() {
        ElasticsearchConnection c = ElasticsearchConnection.from(ConfigSource.ofFlags(Map.of()));

        assertThat(c.urls()).containsExactly(URI.create("http://localhost:9200"));
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.socketTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldRefuseAUrlListWithSomethingThatIsNotAUrl() {
        assertThatThrownBy(() -> ElasticsearchConnection.from(ConfigSource.ofFlags(Map.of("elasticsearch.url", "http://es:9200,es-2"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("elasticsearch.url")
                .hasMessageContaining("one or more absolute http:// or https:// URLs");
    }

    @Test
    void shouldRefuseHttpAndHttpsMixed() {
        assertThatThrownBy(() -> new ElasticsearchConnection(List.of(URI.create("http://a:9200"), URI.create("https://b:9200")),
                null, null, null, null, null, null, null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mix http and https");
    }

    @Test
    void shouldNormaliseACaFingerprintAndRequireHttps() {
        String colons = "AA:".repeat(31) + "AA";
        ElasticsearchConnection c = new ElasticsearchConnection(List.of(URI.create("https://es:9200")), null, null, null, null,
                colons, null, null);

        assertThat(c.caFingerprint()).isEqualTo("aa".repeat(32));
        assertThatThrownBy(() -> new ElasticsearchConnection(List.of(URI.create("http://es:9200")), null, null, null, null,
                colons, null, null))
                .hasMessageContaining("need https://");
        assertThatThrownBy(() -> new ElasticsearchConnection(List.of(URI.create("https://es:9200")), null, null, null, null,
                "abc", null, null))
                .hasMessageContaining("64 hex digits");
    }
}
