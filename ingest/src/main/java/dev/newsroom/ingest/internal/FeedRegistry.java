package dev.newsroom.ingest.internal;

import dev.newsroom.model.FeedSubscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The feeds assigned to this instance, by feed id, as read from its partitions of the feeds topic.
 * The poll loop changes it; workers only read the feeds they were handed.
 */
public final class FeedRegistry {
    private final Map<String, TrackedFeed> feeds = new ConcurrentHashMap<>();

    /** Adds a subscription, or updates it and keeps its state; true when it is new. */
    public boolean put(String feedId, FeedSubscription subscription, int partition) {
        TrackedFeed existing = feeds.get(feedId);
        if (existing != null && existing.partition() == partition) {
            existing.update(subscription);
            return false;
        }
        feeds.put(feedId, new TrackedFeed(subscription, partition));
        return existing == null;
    }

    /** Removes a feed (a tombstone); the removed feed, if it was there. */
    public Optional<TrackedFeed> remove(String feedId) {
        return Optional.ofNullable(feeds.remove(feedId));
    }

    /** Forgets every feed read from the given partitions; how many were dropped. */
    public int dropPartitions(Collection<Integer> partitions) {
        int before = feeds.size();
        feeds.values().removeIf(feed -> partitions.contains(feed.partition()));
        return before - feeds.size();
    }

    /** Claims the feeds due at {@code now}, each scheduled again {@code interval} later. */
    public List<TrackedFeed> claimDue(Instant now, Duration interval) {
        List<TrackedFeed> due = new ArrayList<>();
        for (TrackedFeed feed : feeds.values()) {
            if (feed.claimIfDue(now, interval)) {
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
