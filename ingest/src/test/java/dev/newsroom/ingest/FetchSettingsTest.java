package dev.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetchSettingsTest {

    @Test
    void shouldDefaultToTwentySecondsTenMebibytesAndPublicAddresses() {
        FetchSettings defaults = FetchSettings.defaults();

        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.maxBytes()).isEqualTo(10L << 20);
        assertThat(defaults.allowPrivateNetworks()).isFalse();
    }

    @Test
    void shouldShortenConnectTimeoutToAShortDeadline() {
        assertThat(FetchSettings.of(Duration.ofSeconds(3), 1024, true).connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void shouldRejectNonPositiveTimeout() {
        assertThatThrownBy(() -> new FetchSettings(Duration.ofSeconds(1), Duration.ZERO, 1024, false))
                .hasMessage("timeout must be a positive duration, was PT0S");
    }

    @Test
    void shouldRejectConnectTimeoutLongerThanDeadline() {
        assertThatThrownBy(() -> new FetchSettings(Duration.ofSeconds(30), Duration.ofSeconds(20), 1024, false))
                .hasMessage("connectTimeout (30s) must not be longer than timeout (20s)");
    }

    @Test
    void shouldRejectNonPositiveCap() {
        assertThatThrownBy(() -> FetchSettings.of(Duration.ofSeconds(20), 0, false))
                .hasMessage("maxBytes must be positive, was 0");
    }
}
