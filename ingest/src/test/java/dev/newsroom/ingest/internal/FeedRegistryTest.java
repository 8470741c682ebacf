package dev.newsroom.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.model.FeedSubscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedRegistryTest {
    private static final Instant T0 = Instant.parse("2024-05-14T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final FeedSubscription BBC = FeedSubscription.of("https://feeds.bbci.co.uk/news/world/rss.xml", "BBC", T0);
    private static final FeedSubscription DW = FeedSubscription.of("https://rss.dw.com/rdf/rss-en-all", "DW", T0);

    private final FeedRegistry registry = new FeedRegistry();

    @Test
    void shouldPollANewFeedRightAwayThenEveryInterval() {
        registry.put(BBC.id(), BBC, 0);

        List<TrackedFeed> first = registry.claimDue(T0, INTERVAL);
        first.forEach(TrackedFeed::release);

        assertThat(first).extracting(TrackedFeed::subscription).containsExactly(BBC);
        assertThat(registry.claimDue(T0.plus(INTERVAL).minusSeconds(1), INTERVAL)).isEmpty();
        assertThat(registry.claimDue(T0.plus(INTERVAL), INTERVAL)).hasSize(1);
    }

    @Test
    void shouldNotClaimAFeedWhosePollIsStillRunning() {
        registry.put(BBC.id(), BBC, 0);
        registry.claimDue(T0, INTERVAL);

        assertThat(registry.claimDue(T0.plus(INTERVAL), INTERVAL)).isEmpty();
        assertThat(registry.polling()).isEqualTo(1);
    }

    @Test
    void shouldKeepStateWhenASubscriptionIsUpdated() {
        registry.put(BBC.id(), BBC, 0);
        TrackedFeed tracked = registry.claimDue(T0, INTERVAL).get(0);
        tracked.seen().remember("a-1");

        boolean added = registry.put(BBC.id(), FeedSubscription.of(BBC.url(), "BBC World", T0), 0);

        assertThat(added).isFalse();
        assertThat(tracked.subscription().name()).isEqualTo("BBC World");
        assertThat(tracked.seen().contains("a-1")).isTrue();
    }

    @Test
    void shouldRemoveOnTombstoneAndDropRevokedPartitions() {
        registry.put(BBC.id(), BBC, 0);
        registry.put(DW.id(), DW, 1);

        assertThat(registry.remove(BBC.id())).isPresent();
        assertThat(registry.dropPartitions(List.of(1))).isEqualTo(1);
        assertThat(registry.size()).isZero();
    }
}
