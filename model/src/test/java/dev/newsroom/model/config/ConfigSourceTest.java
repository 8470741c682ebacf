package dev.newsroom.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourceTest {
    private static final Setting<Duration> POLL = Setting.duration("poll.interval", Duration.ofMinutes(5),
            Duration.ofSeconds(10), Duration.ofHours(24), "How often each feed is polled.");

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("newsroom.properties"), text);
    }

    @Test
    void shouldPreferFlagOverEnvironmentOverFileOverDefault() throws IOException {
        Path file = file("poll.interval=3m\n");
        Map<String, String> env = Map.of("NEWSROOM_POLL_INTERVAL", "2m");

        assertThat(ConfigSource.of(Map.of(), Map.of(), null).get(POLL)).isEqualTo(Duration.ofMinutes(5));
        assertThat(ConfigSource.of(Map.of(), Map.of(), file).get(POLL)).isEqualTo(Duration.ofMinutes(3));
        assertThat(ConfigSource.of(Map.of(), env, file).get(POLL)).isEqualTo(Duration.ofMinutes(2));
        assertThat(ConfigSource.of(Map.of("poll.interval", "1m"), env, file).get(POLL)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldNameKeyOriginAndRangeOfAnInvalidValue() {
        ConfigSource config = ConfigSource.of(Map.of(), Map.of("NEWSROOM_POLL_INTERVAL", "2s"), null);

        assertThatThrownBy(() -> config.get(POLL))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value '2s' for poll.interval (from environment variable NEWSROOM_POLL_INTERVAL): "
                        + "expected a duration from 10s to 24h (e.g. 30s, 5m, 2h)");
    }

    @Test
    void shouldNameTheRangeOfAnInteger() {
        Setting<Integer> port = Setting.integer("kafka.port", 9092, 0, 65535, "port");

        assertThatThrownBy(() -> ConfigSource.ofFlags(Map.of("kafka.port", "70000")).get(port))
                .hasMessage("Invalid value '70000' for kafka.port (from the command line): expected an integer from 0 to 65535");
    }

    @Test
    void shouldParseDurationsAndSizesInTheUsersUnits() {
        assertThat(Setting.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Setting.parseDuration("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Setting.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Setting.parseBytes("10MiB")).isEqualTo(10L << 20);
        assertThat(Setting.parseBytes("512m")).isEqualTo(512L << 20);
        assertThat(Setting.parseBytes("1024")).isEqualTo(1024L);
    }

    @Test
    void shouldPassKafkaClientPropertiesThroughFromBothFiles() throws IOException {
        Path clientProps = Files.writeString(dir.resolve("client.properties"),
                "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\nssl.truststore.location=/etc/kafka/trust.jks\n");
        Path file = file("kafka.properties.file=" + clientProps + "\nkafka.sasl.mechanism=SCRAM-SHA-256\npoll.interval=1m\n");

        Map<String, String> props = ConfigSource.of(Map.of(), Map.of(), file).kafkaClientProperties();

        assertThat(props).containsOnly(
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-256"),
                Map.entry("ssl.truststore.location", "/etc/kafka/trust.jks"));
    }

    @Test
    void shouldPutPassedThroughPropertiesIntoTheKafkaConnection() {
        KafkaConnection kafka = new KafkaConnection("broker-1:9093,broker-2:9093", Map.of("security.protocol", "SASL_SSL"));

        assertThat(kafka.baseProperties())
                .containsEntry("bootstrap.servers", "broker-1:9093,broker-2:9093")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void shouldRejectMalformedBootstrapServers() {
        assertThatThrownBy(() -> new KafkaConnection("localhost", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 'localhost' for bootstrap.servers: expected HOST:PORT[,HOST:PORT...]");
    }

    @Test
    void shouldFailOnAnUnreadableConfigFile() {
        Path missing = dir.resolve("missing.properties");

        assertThatThrownBy(() -> ConfigSource.of(Map.of(), Map.of(), missing))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Cannot read config file " + missing);
    }

    @Test
    void shouldRequireUserAndPasswordTogether() {
        assertThatThrownBy(() -> new ElasticsearchConnection(java.net.URI.create("https://es:9200"), null, "elastic", null, null))
                .hasMessage("elasticsearch.username and elasticsearch.password must be given together");
    }

    @Test
    void shouldDeriveEnvironmentVariableNames() {
        assertThat(ElasticsearchConnection.API_KEY.envVar()).isEqualTo("NEWSROOM_ELASTICSEARCH_API_KEY");
        assertThat(KafkaConnection.BOOTSTRAP_SERVERS.envVar()).isEqualTo("NEWSROOM_BOOTSTRAP_SERVERS");
    }

    @Test
    void shouldDeriveIdempotentProducerProperties() {
        KafkaConnection kafka = new KafkaConnection("b:9092", Map.of("security.protocol", "SSL"));

        assertThat(kafka.producerProperties("newsroom-ingest"))
                .containsEntry("client.id", "newsroom-ingest")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("acks", "all")
                .containsEntry("security.protocol", "SSL");
    }
}
