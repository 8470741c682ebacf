package dev.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.model.config.ConfigException;
import dev.newsroom.model.config.ConfigSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    @Test
    void shouldDefaultEverySetting() {
        assertThat(IngestConfig.defaults()).isEqualTo(new IngestConfig(Duration.ofMinutes(5), Duration.ofSeconds(20), 10L << 20, 8,
                false, "newsroom-ingest"));
    }

    @Test
    void shouldReadSettingsInTheUsersUnits() {
        ConfigSource source = ConfigSource.of(Map.of("poll.interval", "30s", "fetch.max-bytes", "512k"),
                Map.of("NEWSROOM_FETCH_CONCURRENCY", "16", "NEWSROOM_ALLOW_PRIVATE_NETWORKS", "true",
                        "NEWSROOM_INGEST_GROUP_ID", "ingest-eu"), null);

        IngestConfig config = IngestConfig.from(source);

        assertThat(config).isEqualTo(new IngestConfig(Duration.ofSeconds(30), Duration.ofSeconds(20), 512L << 10, 16, true, "ingest-eu"));
        assertThat(config.fetchSettings()).isEqualTo(new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(20), 512L << 10, true));
    }

    @Test
    void shouldNameKeyAndRangeOfValueOutOfRange() {
        assertThatThrownBy(() -> IngestConfig.from(ConfigSource.ofFlags(Map.of("poll.interval", "5s"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value '5s' for poll.interval (from the command line): expected a duration from 10s to 24h (e.g. 30s, 5m, 2h)");
    }

    @Test
    void shouldValidateWhenBuiltDirectly() {
        assertThatThrownBy(() -> new IngestConfig(Duration.ofMinutes(5), Duration.ofMinutes(10), 10L << 20, 8, false, "g"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value '10m' for fetch.timeout: expected a duration from 1s to 5m (e.g. 30s, 5m, 2h)");
        assertThatThrownBy(() -> new IngestConfig(Duration.ofMinutes(5), Duration.ofSeconds(20), 1024, 8, false, "g"))
                .hasMessage("Invalid value '1 KiB' for fetch.max-bytes: expected a size from 64k to 100m (e.g. 512m, 10MiB)");
        assertThatThrownBy(() -> new IngestConfig(Duration.ofMinutes(5), Duration.ofSeconds(20), 10L << 20, 65, false, "g"))
                .hasMessage("Invalid value '65' for fetch.concurrency: expected an integer from 1 to 64");
        assertThatThrownBy(() -> new IngestConfig(Duration.ofMinutes(5), Duration.ofSeconds(20), 10L << 20, 8, false, " "))
                .hasMessage("Missing value for ingest.group-id: expected a consumer group id");
    }

    @Test
    void shouldReadTheAllowListOfPrivateNetworks() {
        IngestConfig config = IngestConfig.from(ConfigSource.ofFlags(Map.of("fetch.allowed-networks", "10.20.0.0/16, 192.168.7.0/24")));

        assertThat(config.allowedNetworks()).containsExactly("10.20.0.0/16", "192.168.7.0/24");
        assertThat(config.fetchSettings().allowedNetworks()).containsExactly("10.20.0.0/16", "192.168.7.0/24");
    }

    @Test
    void shouldNameTheKeyOfANetworkThatIsNotCidr() {
        assertThatThrownBy(() -> IngestConfig.from(ConfigSource.ofFlags(Map.of("fetch.allowed-networks", "intranet.example.com"))))
                .hasMessageStartingWith("Invalid value 'intranet.example.com' for fetch.allowed-networks: ");
    }
}
