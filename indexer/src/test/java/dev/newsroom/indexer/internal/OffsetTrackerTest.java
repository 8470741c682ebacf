package dev.newsroom.indexer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
    private static final TopicPartition P0 = new TopicPartition("articles", 0);
    private static final TopicPartition P1 = new TopicPartition("articles", 1);
    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void shouldCommitNothingBeforeAnythingIsDone() {
        tracker.track(P0, 10);
        tracker.track(P0, 11);

        assertThat(tracker.committable()).isEmpty();
    }

    @Test
    void shouldCommitTheOffsetAfterTheHighestContiguousDoneOffset() {
        tracker.track(P0, 10);
        tracker.track(P0, 11);
        tracker.track(P0, 12);
        tracker.done(P0, 10);
        tracker.done(P0, 12);

        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(11)));

        tracker.done(P0, 11);
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(13)));
    }

    @Test
    void shouldTrackPartitionsApart() {
        tracker.track(P0, 5);
        tracker.track(P1, 7);
        tracker.done(P1, 7);

        assertThat(tracker.committable()).isEqualTo(Map.of(P1, new OffsetAndMetadata(8)));
    }

    @Test
    void shouldNotOfferCommittedOffsetsAgain() {
        tracker.track(P0, 1);
        tracker.done(P0, 1);
        tracker.committed(tracker.committable());

        assertThat(tracker.committable()).isEmpty();
    }

    @Test
    void shouldForgetRevokedPartitions() {
        tracker.track(P0, 1);
        tracker.forget(List.of(P0));

        assertThat(tracker.hasOpen(P0)).isFalse();
        assertThat(tracker.committable()).isEmpty();
    }
}
