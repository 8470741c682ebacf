package dev.newsroom.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.model.FeedState;
import dev.newsroom.model.FeedSubscription;
import dev.newsroom.model.PollOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedRegistryTest {
    private static final Instant T0 = Instant.parse("2024-05-14T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final FeedSubscription BBC = FeedSubscription.of("https://feeds.bbci.co.uk/news/world/rss.xml", "BBC", T0);
    private static final FeedSubscription DW = FeedSubscription.of("https://rss.dw.com/rdf/rss-en-all", "DW", T0);

    private final FeedRegistry registry = new FeedRegistry();

    @Test
    void shouldPollANewFeedRightAwayThenWhenItsStateSaysItIsDue() {
        registry.put(BBC.id(), BBC, 0, T0);

        List<TrackedFeed> first = registry.claimDue(T0);
        first.get(0).retryAt(T0.plus(INTERVAL));
        first.forEach(TrackedFeed::release);

        assertThat(first).extracting(TrackedFeed::subscription).containsExactly(BBC);
        assertThat(registry.claimDue(T0.plus(INTERVAL).minusSeconds(1))).isEmpty();
        assertThat(registry.claimDue(T0.plus(INTERVAL))).hasSize(1);
    }

    @Test
    void shouldNotClaimAFeedWhosePollIsStillRunning() {
        registry.put(BBC.id(), BBC, 0, T0);
        registry.claimDue(T0);

        assertThat(registry.claimDue(T0.plus(INTERVAL))).isEmpty();
        assertThat(registry.polling()).isEqualTo(1);
    }

    @Test
    void shouldKeepStateWhenASubscriptionIsUpdated() {
        registry.put(BBC.id(), BBC, 0, T0);
        TrackedFeed tracked = registry.claimDue(T0).get(0);
        tracked.seen().remember("a-1");

        boolean added = registry.put(BBC.id(), FeedSubscription.of(BBC.url(), "BBC World", T0), 0, T0);

        assertThat(added).isFalse();
        assertThat(tracked.subscription().name()).isEqualTo("BBC World");
        assertThat(tracked.seen().contains("a-1")).isTrue();
    }

    @Test
    void shouldResumeFromAStateReadBackBeforeTheSubscriptionArrives() {
        Instant later = T0.plus(INTERVAL);
        FeedState stored = new FeedState(BBC.id(), BBC.url(), "\"v1\"", null, "abc", List.of("a-1", "a-2"), 1.5,
                later, T0, T0, PollOutcome.OK, "", 300);
        registry.restore(Map.of(BBC.id(), stored));

        registry.put(BBC.id(), BBC, 0, T0);

        assertThat(registry.claimDue(T0)).isEmpty();
        TrackedFeed tracked = registry.claimDue(later).get(0);
        assertThat(tracked.etag()).isEqualTo("\"v1\"");
        assertThat(tracked.seen().contains("a-2")).isTrue();
        assertThat(tracked.seen().recent(10)).containsExactly("a-1", "a-2");
    }

    @Test
    void shouldRemoveOnTombstoneAndDropRevokedPartitions() {
        registry.put(BBC.id(), BBC, 0, T0);
        registry.put(DW.id(), DW, 1, T0);

        assertThat(registry.remove(BBC.id())).isPresent();
        assertThat(registry.dropPartitions(List.of(1))).extracting(feed -> feed.subscription().id()).containsExactly(DW.id());
        assertThat(registry.size()).isZero();
    }
}
