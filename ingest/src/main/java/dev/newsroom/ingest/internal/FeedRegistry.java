package dev.newsroom.ingest.internal;

import dev.newsroom.model.FeedState;
import dev.newsroom.model.FeedSubscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The feeds assigned to this instance, by feed id, as read from its partitions of the feeds topic,
 * and the states read back for them from the feed-state topic. The poll loop changes it; workers
 * only read the feeds they were handed.
 */
public final class FeedRegistry {
    private final Map<String, TrackedFeed> feeds = new ConcurrentHashMap<>();
    private final Map<String, FeedState> restored = new ConcurrentHashMap<>();

    /** Keeps states read back for feeds of newly assigned partitions, taken by {@link #put} when their subscriptions arrive. */
    public void restore(Map<String, FeedState> states) {
        restored.putAll(states);
    }

    /** Adds a subscription, or updates it and keeps its state; true when it is new. */
    public boolean put(String feedId, FeedSubscription subscription, int partition, Instant now) {
        TrackedFeed existing = feeds.get(feedId);
        if (existing != null && existing.partition() == partition) {
            existing.update(subscription);
            return false;
        }
        TrackedFeed feed = new TrackedFeed(subscription, partition, now);
        FeedState state = restored.remove(feedId);
        if (state != null) {
            feed.restore(state);
        }
        feeds.put(feedId, feed);
        return existing == null;
    }

    /** Removes a feed (a tombstone); the removed feed, if it was there. */
    public Optional<TrackedFeed> remove(String feedId) {
        restored.remove(feedId);
        return Optional.ofNullable(feeds.remove(feedId));
    }

    /** Forgets every feed read from the given partitions; the feeds dropped. */
    public List<TrackedFeed> dropPartitions(Collection<Integer> partitions) {
        List<TrackedFeed> dropped = new ArrayList<>();
        feeds.values().removeIf(feed -> {
            if (partitions.contains(feed.partition())) {
                dropped.add(feed);
                return true;
            }
            return false;
        });
        return dropped;
    }

    /** Claims the feeds due at {@code now}. */
    public List<TrackedFeed> claimDue(Instant now) {
        List<TrackedFeed> due = new ArrayList<>();
        for (TrackedFeed feed : feeds.values()) {
            if (feed.claimIfDue(now)) {
                due.add(feed);
            }
        }
        return due;
    }

    public int size() {
        return feeds.size();
    }

    public int polling() {
        return (int) feeds.values().stream().filter(TrackedFeed::polling).count();
    }
}
