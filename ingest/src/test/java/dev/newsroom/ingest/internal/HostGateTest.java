package dev.newsroom.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HostGateTest {
    private static final Instant T0 = Instant.parse("2024-05-14T12:00:00Z");
    private final HostGate gate = new HostGate(Duration.ofSeconds(2));

    @Test
    void shouldAllowOneRequestAtATimePerHost() {
        String bbc = HostGate.keyOf("https://feeds.bbci.co.uk/news/world/rss.xml");

        assertThat(gate.tryAcquire(bbc, T0)).isTrue();
        assertThat(gate.tryAcquire(HostGate.keyOf("https://FEEDS.bbci.co.uk/news/uk/rss.xml"), T0)).isFalse();
        assertThat(gate.tryAcquire(HostGate.keyOf("https://rss.dw.com/rdf/rss-en-all"), T0)).isTrue();
    }

    @Test
    void shouldWaitTheMinimumIntervalAfterARequestEnds() {
        String bbc = HostGate.keyOf("https://feeds.bbci.co.uk/news/world/rss.xml");
        gate.tryAcquire(bbc, T0);
        gate.release(bbc, T0.plusSeconds(1));

        assertThat(gate.tryAcquire(bbc, T0.plusSeconds(2))).isFalse();
        assertThat(gate.tryAcquire(bbc, T0.plusSeconds(3))).isTrue();
    }

    @Test
    void shouldGiveUpWaitingForABusyHostAfterTheWait() throws Exception {
        java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2024-05-14T12:00:00Z"), java.time.ZoneOffset.UTC);
        assertThat(gate.acquire("a:80", clock, Duration.ofMillis(100))).isTrue();

        assertThat(gate.acquire("a:80", clock, Duration.ofMillis(100))).as("busy").isFalse();
        gate.release("a:80", clock.instant());
        assertThat(gate.acquire("a:80", clock, Duration.ofMillis(100))).as("within its interval").isFalse();
        assertThat(gate.acquire("a:80", java.time.Clock.offset(clock, Duration.ofSeconds(2)), Duration.ofMillis(100))).isTrue();
    }

    @Test
    void shouldTellHostsOnDifferentPortsApart() {
        assertThat(HostGate.keyOf("http://127.0.0.1:8080/a.xml")).isNotEqualTo(HostGate.keyOf("http://127.0.0.1:8081/a.xml"));
    }

    @Test
    void shouldForgetIdleHosts() {
        String bbc = HostGate.keyOf("https://feeds.bbci.co.uk/news/world/rss.xml");
        gate.tryAcquire(bbc, T0);
        gate.release(bbc, T0);

        assertThat(gate.prune(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(gate.prune(T0.plusSeconds(2))).isZero();
    }
}
